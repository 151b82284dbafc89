-- wrk script for scripts/load: one kind of request, or a mix, from signed-in users.
--
-- Reads its data from the file named by LOAD_DATA (written by scripts/load): lines
-- `token <T>`, `case <number>`, `query <name>`, `move <number> <state> <version>`. The kind
-- comes from LOAD_MODE: health, read, list, search, dashboard, transition or mix. Each
-- request goes out with a token chosen in turn. Transitions move a case between dossier
-- review and deferred; each wrk thread owns its own share of the cases and learns each
-- case's next version from the answer, so no two requests race for one case.
local mode = os.getenv("LOAD_MODE") or "health"
local data = os.getenv("LOAD_DATA")

local tokens, cases, queries, moves = {}, {}, {}, {}
for line in io.lines(data) do
  local kind, a, b, c = line:match("^(%S+) (%S+) ?(%S*) ?(%S*)$")
  if kind == "token" then table.insert(tokens, a)
  elseif kind == "case" then table.insert(cases, a)
  elseif kind == "query" then table.insert(queries, a)
  elseif kind == "move" then table.insert(moves, { number = a, state = b, version = tonumber(c) })
  end
end

-- Numbers the threads (a global in each thread's own Lua state).
local started = 0
function setup(thread)
  started = started + 1
  thread:set("thread_no", started)
end

local n = 0
local mine -- this thread's cases to move, by number
local free -- numbers of those not waiting for an answer

function init(args)
  local count = tonumber(os.getenv("LOAD_THREADS") or "1")
  mine, free = {}, {}
  for i, m in ipairs(moves) do
    if (i - 1) % count == thread_no - 1 then
      mine[m.number] = m
      table.insert(free, m.number)
    end
  end
  math.randomseed(thread_no * 7919)
end

local function header()
  n = n + 1
  return { ["Authorization"] = "Bearer " .. tokens[(n % #tokens) + 1] }
end

local function get(path)
  return wrk.format("GET", path, header())
end

local function transition()
  local number = table.remove(free)
  if number == nil then
    -- every case of this thread is waiting for an answer: read one instead
    return get("/api/v1/cases/" .. cases[math.random(#cases)])
  end
  local m = mine[number]
  local body
  if m.state == "deferred" then
    body = string.format('{"to":"dossier_review","expected_version":%d}', m.version)
  else
    -- a deferral names its reason from the profile's list; `other` with the words
    body = string.format('{"to":"deferred","reason_code":"other","reason":"load test",' ..
                         '"expected_version":%d}', m.version)
  end
  local h = header()
  h["Content-Type"] = "application/json"
  return wrk.format("POST", "/api/v1/cases/" .. number .. "/transitions", h, body)
end

local kinds = {
  health = function() return wrk.format("GET", "/api/v1/health") end,
  read = function() return get("/api/v1/cases/" .. cases[math.random(#cases)]) end,
  list = function() return get("/api/v1/cases?per_page=50&page=" .. math.random(1, 200)) end,
  search = function() return get("/api/v1/cases?q=" .. queries[math.random(#queries)]) end,
  dashboard = function() return get("/api/v1/dashboard") end,
  transition = transition,
}

-- The mix: mostly case reads, then lists and searches, some steps, a few dashboards.
local mix = { "read", "read", "read", "read", "read", "read", "read", "read", "read", "read",
              "read", "read", "list", "list", "list", "search", "search", "transition",
              "transition", "dashboard" }

function request()
  local kind = mode
  if mode == "mix" then kind = mix[math.random(#mix)] end
  return kinds[kind]()
end

if mode == "transition" or mode == "mix" then
  function response(status, headers, body)
    -- a refused step leaves its case waiting for good (counted as non-2xx)
    if status ~= 200 then return end
    local number = body:match('"case_number":"([^"]+)"')
    local m = number and mine[number]
    if m then
      m.state = body:match('"state":"([^"]+)"')
      m.version = tonumber(body:match('"version":(%d+)'))
      table.insert(free, number)
    end
  end
end

function done(summary, latency, requests)
  local s = summary
  local non2xx = s.errors.status
  io.write(string.format(
    'RESULT {"requests":%d,"seconds":%.2f,"rate":%.1f,"p50_ms":%.2f,"p99_ms":%.2f,' ..
    '"max_ms":%.2f,"non_2xx":%d,"socket_errors":%d}\n',
    s.requests, s.duration / 1e6, s.requests / (s.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    non2xx, s.errors.connect + s.errors.read + s.errors.write + s.errors.timeout))
end
