-- The plugin's cost per keystroke in a real Neovim. A key typed by hand in insert mode fires InsertCharPre,
-- TextChangedI and CursorMovedI once each: their dispatch is timed N times, without the plugin, then with it.
-- Typeahead (a mapping, a macro, keys fed in one go) is timed too: any InsertCharPre autocommand makes Neovim insert
-- such keys one by one instead of together. Writes microseconds per key to the file named by HANDS_ON_BENCH_OUT.
local N = 20000
local ROUNDS = 9
local EVENTS = { 'InsertCharPre', 'TextChangedI', 'CursorMovedI' }

-- Neovim's CPU time (os.clock), not the wall clock: what other processes of a busy machine take is not the key's
-- cost. Of the rounds, the fastest: cache misses and frequency changes only ever add to one.
local function micros_per_key(run, keys)
  local fastest = math.huge
  for _ = 1, ROUNDS do
    local started = os.clock()
    run()
    fastest = math.min(fastest, (os.clock() - started) * 1e6 / keys)
  end
  return fastest
end

local function typed_key()
  vim.cmd('enew!')
  vim.cmd('startinsert')
  for _ = 1, N do
    for _, event in ipairs(EVENTS) do
      vim.api.nvim_exec_autocmds(event, {})
    end
  end
  vim.cmd('stopinsert')
end

-- Lines of 60 keys, so the line length stays that of code.
local TYPEAHEAD_KEYS = 6000
local typeahead_text = 'i' .. (string.rep('x', 59) .. '\r'):rep(TYPEAHEAD_KEYS / 60) .. '\27'
local function typeahead()
  vim.cmd('enew!')
  vim.api.nvim_feedkeys(typeahead_text, 'xt', false)
end

local function measure()
  return { key = micros_per_key(typed_key, N), typeahead = micros_per_key(typeahead, TYPEAHEAD_KEYS) }
end

local without = measure()
require('hands-on').setup({ live_dir = os.getenv('HANDS_ON_BENCH_LIVE'), writer_id = 'bench-neovim', idle_timeout_minutes = 5, record_project_names = true })
vim.cmd('enew!')
local with = measure()

local out = io.open(os.getenv('HANDS_ON_BENCH_OUT'), 'w')
out:write(vim.json.encode({ without = without, with = with }))
out:close()
