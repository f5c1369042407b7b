-- Requests a random deputy's page from a list of ids (one per line in the file named by DEPUTY_IDS), with the
-- path template in DEPUTY_PATH ("{id}" replaced), then prints report.lua's RESULT line.
local ids = {}
local template = os.getenv("DEPUTY_PATH") or "/api/deputies/deputies/{id}"
for line in io.lines(os.getenv("DEPUTY_IDS")) do
  if #line > 0 then ids[#ids + 1] = line end
end
math.randomseed(20261201)

request = function()
  local id = ids[math.random(#ids)]
  return wrk.format("GET", (template:gsub("{id}", id)))
end

dofile(os.getenv("REPORT_LUA"))
