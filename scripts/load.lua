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

-- Numbers the threads (a global in each thread's own Lua state), and keeps them so that
-- `done` can add up what each counted.
local started, threads = 0, {}
function setup(thread)
  started = started + 1
  thread:set("thread_no", started)
  table.insert(threads, thread)
end

-- Answers other than 200 by kind of request and status, e.g. `transition 409` (a global,
-- read by `done`): a phase that fails says what failed. Counted where `response` is set.
failed = {}

local n = 0
local mine -- this thread's cases to move, by number
local free -- numbers of those not waiting for an answer
local waiting = {} -- numbers of those whose step is under way

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
  waiting[number] = true
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
    if status ~= 200 then
      -- what it was is told by its problem's detail, numbers blanked so that alike
      -- refusals add up (a step's refusal, a timeout, a shed)
      local detail = body:match('"detail":"([^"]+)"') or "(no problem body)"
      local key = status .. " " .. detail:gsub("%d+", "N"):sub(1, 80)
      failed[key] = (failed[key] or 0) + 1
      return
    end
    -- A step's answer is the case itself, starting with its number. A list or a search
    -- (in the mix) names cases too, this thread's among them: taken for a step's answer,
    -- one would free its case a second time and send two racing steps (one refused).
    local number = body:match('^{"case_number":"([^"]+)"')
    local m = number and waiting[number] and mine[number]
    if m then
      waiting[number] = nil
      m.state = body:match('"state":"([^"]+)"')
      m.version = tonumber(body:match('"version":(%d+)'))
      table.insert(free, number)
    end
  end
end

function done(summary, latency, requests)
  local s = summary
  local non2xx = s.errors.status
  local counts = {}
  for _, thread in ipairs(threads) do
    for key, n in pairs(thread:get("failed") or {}) do counts[key] = (counts[key] or 0) + n end
  end
  local parts = {}
  for key, n in pairs(counts) do
    table.insert(parts, string.format('"%s":%d', (key:gsub('[\\"]', '')), n))
  end
  io.write(string.format(
    'RESULT {"requests":%d,"seconds":%.2f,"rate":%.1f,"p50_ms":%.2f,"p99_ms":%.2f,' ..
    '"max_ms":%.2f,"non_2xx":%d,"socket_errors":%d,"failed":{%s}}\n',
    s.requests, s.duration / 1e6, s.requests / (s.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    non2xx, s.errors.connect + s.errors.read + s.errors.write + s.errors.timeout,
    table.concat(parts, ",")))
end
