-- Appends one activity atomically, so two bot instances never hand out the same sequence number.
-- KEYS[1] = meta hash, KEYS[2] = log sorted set (score = sequence).
-- ARGV: now (ms), expires (ms or ''), json, ttl (ms), activities kept, oldest live touch (ms).
-- Entries are "seq|ts|expires|json". Returns {seq, ts}, or false when the conversation is unknown or expired.
local touched = redis.call('HGET', KEYS[1], 'touched')
if not touched or tonumber(touched) < tonumber(ARGV[6]) then
  return false
end
local seq = redis.call('HINCRBY', KEYS[1], 'seq', 1)
local last = tonumber(redis.call('HGET', KEYS[1], 'ts'))
local ts = tonumber(ARGV[1])
-- Web Chat orders by timestamp: never let two activities share one or go back in time.
if ts <= last then
  ts = last + 1
end
redis.call('HSET', KEYS[1], 'ts', string.format('%d', ts), 'touched', ARGV[1])
redis.call('ZADD', KEYS[2], seq, string.format('%d|%d|%s|', seq, ts, ARGV[2]) .. ARGV[3])
local keep = tonumber(ARGV[5])
if seq > keep then
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', seq - keep)
end
redis.call('PEXPIRE', KEYS[1], ARGV[4])
redis.call('PEXPIRE', KEYS[2], ARGV[4])
return {seq, string.format('%d', ts)}
