-- Creates a Direct Line conversation. KEYS[1] = meta hash. ARGV: now (ms), ttl (ms). Returns 1 when created.
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 0
end
redis.call('HSET', KEYS[1], 'seq', 0, 'ts', 0, 'touched', ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
