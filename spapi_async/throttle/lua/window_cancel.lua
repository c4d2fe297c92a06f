local due = redis.call('ZSCORE', KEYS[1], ARGV[5])
if due == false or tonumber(due) <= now then return {0, bad} end
redis.call('ZREM', KEYS[1], ARGV[5])
return {1, bad}
