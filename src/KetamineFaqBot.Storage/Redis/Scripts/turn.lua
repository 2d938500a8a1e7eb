-- One answered Direct Line turn as one atomic write: its replies appended to the conversation's log (as append.lua
-- appends), its state with the crisis flag kept (as crisis.lua keeps it) and its provenance record (as
-- RedisAnswerRecordStore writes one). Every key is type-checked before the first write, so a script that fails
-- leaves nothing half-written.
-- KEYS: 1 meta hash, 2 log sorted set, 3 state, 4 crisis key, 5 answers sorted set, 6 the day's route counts hash,
--       7.. the record's reply keys known before the write (the bot's own feedback key).
-- ARGV: 1 now (ms), 2 log ttl (ms), 3 activities kept, 4 oldest live touch (ms),
--       5 state json ('' saves none), 6 state ttl (ms), 7 '1' when the state carries the crisis flag,
--       8 record score ('' records none), 9/10 the answers member before/after the first reply's id,
--       11/12 the record json before/after that id, 13 record retention (ms), 14 route, 15 route counts ttl (ms),
--       16 key of the first reply's id less its sequence, 17 the same id as JSON string content less its sequence,
--       18.. reply activity json, in order.
-- The reply-id key is named here, not in KEYS: the id is the sequence this script assigns (one Redis, no cluster).
-- Returns {seq, ts, seq, ts, ...}, or false when the conversation is unknown or expired (nothing written).
local function wrong(key, kind)
  local found = redis.call('TYPE', key)['ok']
  if found ~= 'none' and found ~= kind then
    return 'WRONGTYPE ' .. key .. ' holds a ' .. found .. ', not a ' .. kind
  end
  return nil
end

local problem = wrong(KEYS[1], 'hash') or wrong(KEYS[2], 'zset') or wrong(KEYS[3], 'string') or wrong(KEYS[4], 'string')
  or wrong(KEYS[5], 'zset') or wrong(KEYS[6], 'hash')
if problem then
  return redis.error_reply(problem)
end

local touched = redis.call('HGET', KEYS[1], 'touched')
if not touched or tonumber(touched) < tonumber(ARGV[4]) then
  return false
end

local now = tonumber(ARGV[1])
local keep = tonumber(ARGV[3])
local out = {}
local first
for i = 18, #ARGV do
  local seq = redis.call('HINCRBY', KEYS[1], 'seq', 1)
  local last = tonumber(redis.call('HGET', KEYS[1], 'ts'))
  local ts = now
  -- Web Chat orders by timestamp: never let two activities share one or go back in time.
  if ts <= last then
    ts = last + 1
  end
  redis.call('HSET', KEYS[1], 'ts', string.format('%d', ts), 'touched', ARGV[1])
  redis.call('ZADD', KEYS[2], seq, string.format('%d|%d||', seq, ts) .. ARGV[i])
  if seq > keep then
    redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', seq - keep)
  end
  first = first or seq
  table.insert(out, seq)
  table.insert(out, string.format('%d', ts))
end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
redis.call('PEXPIRE', KEYS[2], ARGV[2])

if ARGV[5] ~= '' then
  local ttl = tonumber(ARGV[6])
  redis.call('SET', KEYS[3], ARGV[5], 'PX', ttl)
  -- SAFETY: the crisis flag is only set or kept alive here; only a reset deletes it (crisis.lua).
  local at = redis.call('GET', KEYS[4])
  if ARGV[7] == '1' or (at and now - tonumber(at) <= ttl) then
    redis.call('SET', KEYS[4], ARGV[1], 'PX', ttl)
  elseif at then
    redis.call('DEL', KEYS[4])
  end
end

if ARGV[8] ~= '' and first then
  local digits = string.format('%07d', first)
  local record = ARGV[11] .. ARGV[17] .. digits .. ARGV[12]
  redis.call('ZADD', KEYS[5], ARGV[8], ARGV[9] .. ARGV[17] .. digits .. ARGV[10])
  for i = 7, #KEYS do
    redis.call('SET', KEYS[i], record, 'PX', ARGV[13])
  end
  redis.call('SET', ARGV[16] .. digits, record, 'PX', ARGV[13])
  redis.call('HINCRBY', KEYS[6], ARGV[14], 1)
  redis.call('PEXPIRE', KEYS[6], ARGV[15])
end

return out
