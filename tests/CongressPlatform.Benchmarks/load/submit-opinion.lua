-- Posts the public opinion form (multipart/form-data, as the phone page sends it) round-robin over the stations
-- listed in OPINION_STATIONS (one id per line), each request with its own Idempotency-Key. Every 201 answer's
-- tracking code is kept per thread and written to ACKNOWLEDGED_FILE at the end (one per line), so
-- opinions-audit can check that each acknowledged submission is stored. Prints report.lua's RESULT line and a
-- STATUS line (how many answers of each status).
local stations = {}
for line in io.lines(os.getenv("OPINION_STATIONS")) do
  if #line > 0 then stations[#stations + 1] = line end
end
local run = os.getenv("RUN_ID") or tostring(os.time())
local boundary = "----congressbench7d1f"
local categories = { "城市管理", "交通出行", "环境卫生", "物业小区", "养老服务" }
local texts = {
  "小区东门外的路灯已经坏了两个星期,晚上老人出行很不方便,希望尽快修复。",
  "建议在社区卫生服务站增加周末的门诊时间,上班族平时看病难。",
  "菜市场旁边的人行道被电动车占满了,建议规划停车区域。",
  "老旧小区加装电梯的补贴政策能否在社区公示栏里讲清楚?",
}

dofile(os.getenv("REPORT_LUA"))
local report_done = done

local threads = {}
local counter = 0

setup = function(thread)
  thread:set("thread_id", #threads + 1)
  threads[#threads + 1] = thread
end

init = function()
  acknowledged = {}
  statuses = {}
end

local function part(name, value)
  return "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"" .. name .. "\"\r\n\r\n" .. value .. "\r\n"
end

request = function()
  counter = counter + 1
  local key = string.format("bench-%s-%d-%d", run, thread_id, counter)
  local station = stations[(counter + thread_id) % #stations + 1]
  local body = part("stationId", station)
    .. part("content", texts[counter % #texts + 1] .. "(压测 " .. key .. ")")
    .. part("category", categories[counter % #categories + 1])
    .. "--" .. boundary .. "--\r\n"
  return wrk.format("POST", "/api/stations/public-opinions", {
    ["Content-Type"] = "multipart/form-data; boundary=" .. boundary,
    ["Idempotency-Key"] = key,
  }, body)
end

response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status == 201 then
    local code = body:match('"trackingCode"%s*:%s*"([^"]+)"')
    if code then acknowledged[#acknowledged + 1] = code end
  end
end

done = function(summary, latency, requests)
  local out = assert(io.open(os.getenv("ACKNOWLEDGED_FILE"), "w"))
  local counts = {}
  for _, thread in ipairs(threads) do
    for _, code in ipairs(thread:get("acknowledged") or {}) do out:write(code, "\n") end
    for status, n in pairs(thread:get("statuses") or {}) do counts[status] = (counts[status] or 0) + n end
  end
  out:close()
  local parts = {}
  for status, n in pairs(counts) do parts[#parts + 1] = string.format("%s=%d", status, n) end
  table.sort(parts)
  io.write("STATUS " .. table.concat(parts, " ") .. "\n")
  report_done(summary, latency, requests)
end
