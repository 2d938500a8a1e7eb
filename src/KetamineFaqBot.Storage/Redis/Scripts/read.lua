-- Reads a page after a watermark from one consistent view of the log.
-- KEYS[1] = meta hash, KEYS[2] = log. ARGV: watermark, now (ms), max count, oldest live touch (ms).
-- Returns {last sequence, entry...} without expired entries, or false when the conversation is unknown or expired.
local meta = redis.call('HMGET', KEYS[1], 'seq', 'touched')
if not meta[1] or tonumber(meta[2]) < tonumber(ARGV[4]) then
  return false
end
local out = {meta[1]}
local max = tonumber(ARGV[3])
local now = tonumber(ARGV[2])
for _, entry in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '(' .. ARGV[1], '+inf')) do
  if #out > max then
    break
  end
  local first = string.find(entry, '|', 1, true)
  local second = string.find(entry, '|', first + 1, true)
  local third = string.find(entry, '|', second + 1, true)
  local expires = string.sub(entry, second + 1, third - 1)
  if expires == '' or tonumber(expires) > now then
    table.insert(out, entry)
  end
end
return out
