local due = tonumber(ARGV[9])
if tokens == nil or (due ~= nil and now >= due) then return {0, bad} end
local done = 0
if due == nil then
  if tokens >= -0.000000001 then
    tokens = math.min(capacity, tokens + 1)
    done = 1
  end
else
  local tail = now + math.max(0, -tokens) * 1000000 / rate
  if due >= tail - 2 then
    tokens = tokens + 1
  else
    table.insert(holes, due)
    table.sort(holes)
  end
  done = 1
end
save(tokens)
expire(tokens)
return {done, bad}
