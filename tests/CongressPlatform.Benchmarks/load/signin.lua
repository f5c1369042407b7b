-- The real single sign-on of the web client, over and over, as new browsers: run-wrk-sso.sh runs it.
--
--   1. GET  /connect/authorize?…PKCE…            302 → /account/login?returnUrl=…   (no session)
--   2. GET  /account/login?returnUrl=…           200, anti-forgery cookie + form token
--   3. POST /account/login?returnUrl=…           303 → the authorize URL, SSO cookie set (password checked)
--   4. GET  /connect/authorize?…  (SSO cookie)   302 → http://localhost:5080/auth/callback?code=…
--   5. POST /connect/token (code + verifier)     200, access, ID and refresh tokens
--
-- One state machine per wrk thread, advanced in response(): use exactly one connection per thread
-- (wrk -tN -cN), so that each response belongs to the last request. A browser's cookie jar per thread,
-- emptied after each completed sign-in. Anything unexpected counts as a failure and starts again at 1.
-- done() prints one RESULT line (same fields as report.lua, plus signins, signins_per_s and failures).
--
-- wrk keeps one value per header name: of several Set-Cookie headers only the last is seen. That is
-- enough here (step 2 sets one cookie; step 3 deletes the pending cookie, then sets the SSO cookie);
-- run-wrk-sso.sh checks the whole flow with curl before it starts wrk.

local accounts = { "deputy.li", "deputy.wang", "dongliu.staff", "dongliu.keeper", "unit.officer", "district.staff", "leader" }
local password = "Congress%232026" -- Congress#2026, form-encoded
local client_id = "congress-spa"
local redirect_uri = "http%3A%2F%2Flocalhost%3A5080%2Fauth%2Fcallback"
-- A fixed PKCE pair (the server checks the verifier against the challenge stored with each code):
-- challenge = base64url(SHA-256(verifier)).
local verifier = "congress-wrk-pkce-verifier-0123456789abcdefghijklmnop"
local challenge = "21XEQGBBQfNF9OW4rBv_bLKLAYlUVZs0wrkyt0acpig"
local authorize_path = "/connect/authorize?client_id=" .. client_id .. "&redirect_uri=" .. redirect_uri
  .. "&response_type=code&scope=openid%20profile%20offline_access&state=wrk&nonce=wrk"
  .. "&code_challenge=" .. challenge .. "&code_challenge_method=S256"

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  account = accounts[(id % #accounts) + 1]
  signins = 0
  failures = 0
  fail_detail = ""
  restart()
end

function restart()
  state = "authorize"
  cookies = {}
  login_url = nil
  form_token = nil
  back_url = nil
  code = nil
end

local function cookie_header()
  local parts = {}
  for name, value in pairs(cookies) do
    parts[#parts + 1] = name .. "=" .. value
  end
  return table.concat(parts, "; ")
end

local function keep_cookie(headers)
  local set = headers["Set-Cookie"] or headers["set-cookie"]
  if set == nil then return end
  local name, value = set:match("^([^=;]+)=([^;]*)")
  if name == nil then return end
  if value == "" then cookies[name] = nil else cookies[name] = value end
end

local function get(path)
  local h = {}
  local c = cookie_header()
  if c ~= "" then h["Cookie"] = c end
  return wrk.format("GET", path, h)
end

local function post(path, body)
  local h = { ["Content-Type"] = "application/x-www-form-urlencoded" }
  local c = cookie_header()
  if c ~= "" then h["Cookie"] = c end
  return wrk.format("POST", path, h, body)
end

function request()
  if state == "authorize" then
    return get(authorize_path)
  elseif state == "login_page" then
    return get(login_url)
  elseif state == "login_post" then
    return post(login_url, "login=" .. account .. "&password=" .. password .. "&__RequestVerificationToken=" .. form_token)
  elseif state == "authorize_back" then
    return get(back_url)
  else -- token
    return post("/connect/token", "grant_type=authorization_code&code=" .. code .. "&redirect_uri=" .. redirect_uri
      .. "&client_id=" .. client_id .. "&code_verifier=" .. verifier)
  end
end

local function fail(status)
  failures = failures + 1
  if fail_detail == "" then fail_detail = state .. ":" .. status end
  restart()
end

function response(status, headers, body)
  keep_cookie(headers)
  local location = headers["Location"] or headers["location"]
  if state == "authorize" then
    if status ~= 302 or location == nil or not location:find("^/account/login") then return fail(status) end
    login_url = location
    state = "login_page"
  elseif state == "login_page" then
    form_token = status == 200 and body:match('name="__RequestVerificationToken" type="hidden" value="([^"]+)"') or nil
    if form_token == nil or cookies["congress.af"] == nil then return fail(status) end
    state = "login_post"
  elseif state == "login_post" then
    if status ~= 303 or location == nil or not location:find("^/connect/authorize") or cookies["congress.sso"] == nil then return fail(status) end
    back_url = location
    state = "authorize_back"
  elseif state == "authorize_back" then
    code = status == 302 and location ~= nil and location:match("[?&]code=([^&]+)") or nil
    if code == nil then return fail(status) end
    state = "token"
  else
    if status ~= 200 or not body:find('"access_token"', 1, true) then return fail(status) end
    signins = signins + 1
    restart()
  end
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  local total_signins, total_failures, detail = 0, 0, ""
  for _, thread in ipairs(threads) do
    total_signins = total_signins + thread:get("signins")
    total_failures = total_failures + thread:get("failures")
    local d = thread:get("fail_detail")
    if detail == "" and d ~= nil and d ~= "" then detail = d end
  end
  io.write(string.format(
    "RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f non2xx=%d socket_errors=%d signins=%d signins_per_s=%.2f failures=%d first_failure=%s\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.status, errors, total_signins, total_signins / seconds, total_failures, detail == "" and "-" or detail))
end
