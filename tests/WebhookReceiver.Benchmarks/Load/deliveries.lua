-- wrk script: posts the pre-signed deliveries of $DELIVERIES in order, each once per thread offset.
local path = os.getenv("DELIVERIES") or "/tmp/webhook-deliveries.tsv"
local requests = {}
local index = 0
local threads = 0

function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

function init(args)
  local stride = tonumber(os.getenv("WRK_THREADS") or "1")
  local offset = (id or 0)
  local n = 0
  for line in io.lines(path) do
    if n % stride == offset then
      local id, ts, sig, body = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$")
      requests[#requests + 1] = wrk.format("POST", nil, {
        ["Content-Type"] = "application/json",
        ["webhook-id"] = id,
        ["webhook-timestamp"] = ts,
        ["webhook-signature"] = sig,
      }, body)
    end
    n = n + 1
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
end
