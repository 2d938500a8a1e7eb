-- Keeps a conversation's crisis flag across saves (SAFETY: only a reset clears it).
-- KEYS[1]: the conversation's crisis key, holding the bot-clock time (unix ms) of the last save that kept it.
-- ARGV[1]: now (unix ms, the bot's clock); ARGV[2]: time to live (ms); ARGV[3]: '1' when this save carries the flag.
-- Returns 1 when the flag stands after this save, 0 when it does not.
local now = tonumber(ARGV[1])
local ttl = tonumber(ARGV[2])
if ARGV[3] == '1' then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ttl)
  return 1
end
local at = redis.call('GET', KEYS[1])
if at and now - tonumber(at) <= ttl then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ttl)
  return 1
end
redis.call('DEL', KEYS[1])
return 0
