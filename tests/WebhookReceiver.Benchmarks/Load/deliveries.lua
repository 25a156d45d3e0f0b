-- wrk script: posts the pre-signed deliveries of $DELIVERIES (LoadRequests: a "#" line of header names, then one
-- delivery per line: those headers' values and the body, tab separated), each once per thread offset, in order, from
-- line START on (at most LIMIT of them); past the last it starts again (run.sh warns: the repeats are duplicates).
-- Prints the non-2xx count and the latency percentiles the load script reads.
local path = os.getenv("DELIVERIES") or "/tmp/webhook-deliveries.tsv"
local requests = {}
local index = 0
local threads = 0

function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

local function split(line)
  local fields = {}
  for field in (line .. "\t"):gmatch("([^\t]*)\t") do
    fields[#fields + 1] = field
  end
  return fields
end

function init(args)
  local stride = tonumber(os.getenv("WRK_THREADS") or "1")
  local offset = (id or 0)
  local start = tonumber(os.getenv("START") or "0")          -- deliveries already sent to this server: skipped
  local limit = tonumber(os.getenv("LIMIT") or "0")          -- the most loaded (0: all), so a short run parses little
  local names = nil
  local n = 0
  for line in io.lines(path) do
    if names == nil then
      names = split(line:sub(3))
    elseif limit > 0 and #requests >= limit then
      break
    else
      if n >= start and n % stride == offset then
        local headers = { ["Content-Type"] = "application/json" }
        local rest = line
        for _, name in ipairs(names) do
          local tab = rest:find("\t", 1, true)
          headers[name] = rest:sub(1, tab - 1)
          rest = rest:sub(tab + 1)
        end
        requests[#requests + 1] = wrk.format("POST", nil, headers, rest)
      end
      n = n + 1
    end
  end
end

function request()
  index = index + 1
  if index > #requests then
    index = 1
  end
  return requests[index]
end

function done(summary, latency, requests)
  io.write(string.format("non-2xx or errors: %d\n", summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  io.write(string.format("latency p50 %.2f ms p99 %.2f ms\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
