namespace WebhookReceiver.Internal;

/// <summary>
/// The Lua scripts of the Redis inbox store; each is one atomic transition. Every script gets the same fixed keys,
/// <c>KEYS[1]</c> the stream, <c>KEYS[2]</c> the due set (retries and requeued entries by due time),
/// <c>KEYS[3..7]</c> the status indices (queued, processing, retrying, completed, dead; sorted by received time, so the
/// index of status <c>st</c> is <c>KEYS[3 + st]</c>), <c>KEYS[8]</c> the completion-time index, and then the entry hashes
/// it touches. Scripts that find their entries by id (take, purge, trim) get the entry key prefix as <c>ARGV[1]</c>;
/// every key shares the inbox's hash tag, so all of them are in one Cluster slot. Hash fields: <c>st</c> status,
/// <c>due</c> due/lease-end ticks, <c>rs</c> received score, <c>lease</c>, <c>msg</c> the stream message holding the
/// entry while it is in the stream, and the data (see <see cref="RedisInboxEntryCodec"/>).
/// </summary>
internal static class RedisInboxScripts
{
    /// <summary>
    /// Stores the entries (all or none: an existing id fails the call before anything is written) and appends one stream
    /// message per entry, announcing them on the channel unless it is empty (the caller announces at most every few
    /// milliseconds: the accepting instance's own processor is woken in process). ARGV: channel, then per entry: id,
    /// received score, field count, fields and values.
    /// </summary>
    public const string Add = """
        for i = 9, #KEYS do
          if redis.call('EXISTS', KEYS[i]) == 1 then return redis.error_reply('ERR inbox entry exists already') end
        end
        local a = 2
        for i = 9, #KEYS do
          local id, score, count = ARGV[a], ARGV[a + 1], tonumber(ARGV[a + 2])
          redis.call('HSET', KEYS[i], unpack(ARGV, a + 3, a + 2 + count))
          redis.call('ZADD', KEYS[3], score, id)
          redis.call('XADD', KEYS[1], '*', 'id', id)
          a = a + 3 + count
        end
        if ARGV[1] ~= '' then redis.call('PUBLISH', ARGV[1], '1') end
        return #KEYS - 8
        """;

    /// <summary>
    /// Takes the next due entry: moves due retries into the stream, then claims (XAUTOCLAIM) a message idle past the lease
    /// (its consumer died), else reads a new one (XREADGROUP &gt;). A message whose entry is gone, completed or dead is
    /// acknowledged and deleted instead (the completed marker is checked before every attempt). Answers the entry's
    /// fields, or nil. An entry taken over from a lease that ran out counts the attempt that never reported (att + 1, err
    /// says so; the answer then ends with the pair <c>tk</c> 1, so the store looks for more at once). The consumer group is created when ARGV[9] is '1' (the store's first take, and after a failed one); the
    /// idle messages are looked for only when ARGV[10] is '1' (the store does so a few times per lease, not per take).
    /// ARGV: prefix, group, consumer, now score, lease-end ticks, min idle ms, now ticks, lease-ran-out error, create
    /// group, claim idle.
    /// </summary>
    public const string Take = """
        local stream, group, consumer, prefix = KEYS[1], ARGV[2], ARGV[3], ARGV[1]
        if ARGV[9] == '1' then redis.pcall('XGROUP', 'CREATE', stream, group, '0', 'MKSTREAM') end
        local due = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[4], 'LIMIT', 0, 100)
        for _, id in ipairs(due) do
          redis.call('ZREM', KEYS[2], id)
          redis.call('XADD', stream, '*', 'id', id)
        end
        local function drop(msg)
          redis.call('XACK', stream, group, msg)
          redis.call('XDEL', stream, msg)
        end
        local function try(msg, fields)
          local id = fields and fields[2]
          if not id then drop(msg) return false end
          local key = prefix .. id
          local cur = redis.call('HMGET', key, 'st', 'due', 'rs')
          if not cur[1] then drop(msg) return false end
          local st = tonumber(cur[1])
          if st == 3 or st == 4 then drop(msg) return false end
          if st == 1 and tonumber(cur[2]) > tonumber(ARGV[7]) then return false end
          if st == 1 then
            redis.call('HINCRBY', key, 'att', 1)
            redis.call('HSET', key, 'err', ARGV[8])
          end
          redis.call('HSET', key, 'st', '1', 'due', ARGV[5], 'msg', msg)
          redis.call('HINCRBY', key, 'lease', 1)
          if st ~= 1 then
            redis.call('ZREM', KEYS[3 + st], id)
            redis.call('ZADD', KEYS[4], cur[3], id)
          end
          return redis.call('HGETALL', key)
        end
        local cursor = '0-0'
        for i = 1, (ARGV[10] == '1' and 50 or 0) do
          local r = redis.call('XAUTOCLAIM', stream, group, consumer, ARGV[6], cursor, 'COUNT', 1)
          cursor = r[1]
          for _, m in ipairs(r[2]) do
            local got = try(m[1], m[2])
            if got then
              got[#got + 1] = 'tk'
              got[#got + 1] = '1'
              return got
            end
          end
          if cursor == '0-0' then break end
        end
        for i = 1, 50 do
          local r = redis.call('XREADGROUP', 'GROUP', group, consumer, 'COUNT', 1, 'STREAMS', stream, '>')
          if not r then return false end
          local m = r[1][2][1]
          if not m then return false end
          local got = try(m[1], m[2])
          if got then return got end
        end
        return false
        """;

    /// <summary>
    /// Extends the lease of an entry still processing under the caller's lease: its due time, and the idle time of its
    /// stream message (XCLAIM with no minimum idle resets it), so no other consumer's XAUTOCLAIM takes it over. Answers 0
    /// when the lease was lost. KEYS[1]: stream, KEYS[2]: the entry. ARGV: group, consumer, lease, lease-end ticks.
    /// </summary>
    public const string Renew = """
        local cur = redis.call('HMGET', KEYS[2], 'st', 'lease', 'msg')
        if cur[1] ~= '1' or cur[2] ~= ARGV[3] then return 0 end
        redis.call('HSET', KEYS[2], 'due', ARGV[4])
        if cur[3] and cur[3] ~= '' then redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, cur[3], 'JUSTID') end
        return 1
        """;

    /// <summary>
    /// Records an attempt's outcome when the entry is still processing under the caller's lease, else answers 0 and
    /// writes nothing. The new state (the completed marker) is written before the stream message is acknowledged and
    /// deleted; a queued or retrying entry goes into the due set. KEYS[9]: the entry. ARGV: group, id, lease, status,
    /// attempts, due ticks, due score, has error, error, completed ticks (empty: none), completed score, channel.
    /// </summary>
    public const string Update = """
        local key, id = KEYS[9], ARGV[2]
        local cur = redis.call('HMGET', key, 'st', 'lease', 'msg', 'rs')
        if cur[1] ~= '1' or cur[2] ~= ARGV[3] then return 0 end
        local st = tonumber(ARGV[4])
        local set, del = { 'st', ARGV[4], 'att', ARGV[5], 'due', ARGV[6] }, {}
        if ARGV[8] == '1' then set[#set + 1] = 'err' set[#set + 1] = ARGV[9] else del[#del + 1] = 'err' end
        if ARGV[10] ~= '' then set[#set + 1] = 'done' set[#set + 1] = ARGV[10] else del[#del + 1] = 'done' end
        if st ~= 1 then del[#del + 1] = 'msg' end
        redis.call('HSET', key, unpack(set))
        if #del > 0 then redis.call('HDEL', key, unpack(del)) end
        if st ~= 1 then
          redis.call('ZREM', KEYS[4], id)
          redis.call('ZADD', KEYS[3 + st], cur[4], id)
          if st == 3 then redis.call('ZADD', KEYS[8], ARGV[11], id) end
          if st == 0 or st == 2 then redis.call('ZADD', KEYS[2], ARGV[7], id) end
          if cur[3] and cur[3] ~= '' then
            redis.call('XACK', KEYS[1], ARGV[1], cur[3])
            redis.call('XDEL', KEYS[1], cur[3])
          end
          if st == 0 then redis.call('PUBLISH', ARGV[12], '1') end
        end
        return 1
        """;

    /// <summary>
    /// Makes a retrying or dead entry queued and due now, back in the stream. Answers -1 (not found), 0 (wrong status)
    /// or 1. KEYS[9]: the entry. ARGV: id, reset attempts ('1'), now ticks, channel, the
    /// lease-ran-out error (cleared: the retry is not one more lost attempt).
    /// </summary>
    public const string Reschedule = """
        local key, id = KEYS[9], ARGV[1]
        local cur = redis.call('HMGET', key, 'st', 'rs')
        if not cur[1] then return -1 end
        local st = tonumber(cur[1])
        if st ~= 2 and st ~= 4 then return 0 end
        redis.call('HSET', key, 'st', '0', 'due', ARGV[3], 'msg', '')
        if ARGV[2] == '1' then redis.call('HSET', key, 'att', '0') end
        if redis.call('HGET', key, 'err') == ARGV[5] then redis.call('HDEL', key, 'err') end
        redis.call('ZREM', KEYS[2], id)
        redis.call('ZREM', KEYS[3 + st], id)
        redis.call('ZADD', KEYS[3], cur[2], id)
        redis.call('XADD', KEYS[1], '*', 'id', id)
        redis.call('PUBLISH', ARGV[4], '1')
        return 1
        """;

    /// <summary>Removes a completed or dead entry. Answers -1 (not found), 0 (wrong status) or 1. KEYS[9]: the entry. ARGV: id.</summary>
    public const string Delete = """
        local st = redis.call('HGET', KEYS[9], 'st')
        if not st then return -1 end
        if st ~= '3' and st ~= '4' then return 0 end
        redis.call('DEL', KEYS[9])
        redis.call('ZREM', KEYS[6], ARGV[1])
        redis.call('ZREM', KEYS[7], ARGV[1])
        redis.call('ZREM', KEYS[8], ARGV[1])
        return 1
        """;

    /// <summary>Removes up to a batch of the entries of one status (completed or dead); answers how many. ARGV: prefix, status, batch.</summary>
    public const string Purge = """
        local index = KEYS[3 + tonumber(ARGV[2])]
        local ids = redis.call('ZRANGE', index, 0, tonumber(ARGV[3]) - 1)
        for _, id in ipairs(ids) do
          redis.call('DEL', ARGV[1] .. id)
          redis.call('ZREM', index, id)
          redis.call('ZREM', KEYS[8], id)
        end
        return #ids
        """;

    /// <summary>Removes up to a batch of the entries completed before the cut-off score; answers how many. ARGV: prefix, cut-off score, batch.</summary>
    public const string Trim = """
        local ids = redis.call('ZRANGEBYSCORE', KEYS[8], '-inf', '(' .. ARGV[2], 'LIMIT', 0, tonumber(ARGV[3]))
        for _, id in ipairs(ids) do
          redis.call('DEL', ARGV[1] .. id)
          redis.call('ZREM', KEYS[6], id)
          redis.call('ZREM', KEYS[8], id)
        end
        return #ids
        """;

    /// <summary>Counts the entries by status and answers the received ticks of the oldest pending one (or nil). ARGV: prefix.</summary>
    public const string Count = """
        local c = {}
        for i = 3, 7 do c[#c + 1] = redis.call('ZCARD', KEYS[i]) end
        local best, score = nil, nil
        for i = 3, 5 do
          local r = redis.call('ZRANGE', KEYS[i], 0, 0, 'WITHSCORES')
          if r[1] then
            local s = tonumber(r[2])
            if not score or s < score or (s == score and r[1] < best) then best, score = r[1], s end
          end
        end
        c[6] = best and redis.call('HGET', ARGV[1] .. best, 'rt') or false
        return c
        """;
}
