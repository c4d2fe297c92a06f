local header = tonumber(ARGV[9])
if ADAPT and finite(header) and header >= PLAN / FACTOR * (1 - 1e-9) and header <= PLAN * FACTOR * (1 + 1e-9) then
  rate = header
  redis.call('HSET', KEYS[1], 'hr', ARGV[9])
  capacity = math.max(1, BURST - MARGIN * rate)
  if tokens ~= nil then tokens = math.min(tokens, capacity) end
end
if ARGV[10] == '1' then
  -- a 429: empty, or, with Retry-After, the next token due exactly then; reservations already made stay, holes go
  local after = 0
  local due_in = tonumber(ARGV[11])
  if finite(due_in) and due_in > 0 then after = 1 - math.min(due_in, HORIZON / 1000000) * rate end
  if tokens == nil or tokens > after then tokens = after end
  holes = {}
end
if tokens ~= nil then save(tokens) end
expire(tokens)
return {string.format('%.17g', rate), bad}
