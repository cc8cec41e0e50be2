-- Hands-On for Neovim: your hands-on time and typed characters, and files reloaded from disk as agent time, appended
-- to the Hands-On journal (docs/journal-format.md) as a writer of its own. `hands-on init neovim` prints the setup()
-- call with the values of your VS Code settings. Works in Neovim 0.7 and later: vim.loop, nvim_create_autocmd.

local uv = vim.loop
local tracker = require('hands-on.tracker')
local counts = require('hands-on.counts')
local records = require('hands-on.records')
local journal = require('hands-on.journal')

local M = {}

local FLUSH_INTERVAL_MS = 30000
-- How long quitting may wait for the last write (a slow, synced folder must not hold Neovim open).
local EXIT_WAIT_MS = 2000
local MINUTE_MS = 60000

local state = nil

local function now_ms()
  local seconds, microseconds = uv.gettimeofday()
  return seconds * 1000 + math.floor(microseconds / 1000)
end

-- The git root above `dir` (a `.git` folder or file), else `dir`: the workspace's folder name.
local function workspace_of(dir, cache)
  local known = cache[dir]
  if known ~= nil then
    return known
  end
  local current = dir
  local root = dir
  while current ~= nil and current ~= '' do
    if uv.fs_stat(current .. '/.git') ~= nil then
      root = current
      break
    end
    current = current:match('^(.*)[/\\][^/\\]*$')
  end
  local name = records.context_value(root) or false
  cache[dir] = name
  return name
end

local function buffer_context(s, buf)
  local language = records.context_value(vim.bo[buf].filetype)
  local dir = uv.cwd()
  if vim.bo[buf].buftype == '' then
    local file = vim.api.nvim_buf_get_name(buf)
    dir = file:match('^(.*)[/\\][^/\\]*$') or dir
  end
  return language, workspace_of(dir, s.workspaces) or nil
end

local function update_context(s, buf)
  if not s.record_project_names then
    return
  end
  local language, workspace = buffer_context(s, buf)
  local now = now_ms()
  s.user:set_context(now, language, workspace)
  s.disk:set_context(now, language, workspace)
  s.typed:set_language(language)
end

-- Everything recorded so far, as journal lines: the user's spans, disk reloads as agent time, typed characters.
local function lines_until(s, now, finishing)
  local lines = {}
  local user = finishing and s.user:finish(now) or s.user:take(now)
  for _, span in ipairs(user) do
    lines[#lines + 1] = records.span_line(span, nil)
  end
  local disk = finishing and s.disk:finish(now) or s.disk:take(now)
  for _, span in ipairs(disk) do
    lines[#lines + 1] = records.span_line(span, 'disk')
  end
  for _, bucket in ipairs(s.typed:take(now)) do
    lines[#lines + 1] = records.characters_line(bucket, s.process_id)
  end
  return lines
end

-- Runs in libuv's timer callback: only Lua and libuv here, no editor API.
local function flush(s)
  local now = now_ms()
  s.user:tick(now)
  s.disk:tick(now)
  s.output:append(lines_until(s, now, false), now)
end

-- A failure in a flush is told once, like a folder that cannot be written, instead of an error every 30 s.
local function guarded_flush(s)
  local ok, failure = pcall(flush, s)
  if not ok then
    s.report(failure)
  end
end

-- Told once a session: the user learns that time is not being written, and is not told again on every flush.
local function problem_reporter(live_dir)
  local told = false
  return function(message)
    if told then
      return
    end
    told = true
    vim.schedule(function()
      vim.notify(
        'Hands-On cannot write to ' .. live_dir .. ' (' .. tostring(message) .. '). Your time is kept in memory and written when the folder works again.',
        vim.log.levels.WARN
      )
    end)
  end
end

local function validated(opts)
  if type(opts) ~= 'table' then
    return nil, 'setup() takes a table: { live_dir = ..., writer_id = ... } (run hands-on init neovim)'
  end
  if type(opts.live_dir) ~= 'string' or opts.live_dir == '' then
    return nil, 'live_dir must be the journal folder (run hands-on init neovim)'
  end
  if type(opts.writer_id) ~= 'string' or not opts.writer_id:match('^[A-Za-z0-9_-]+$') then
    return nil, 'writer_id must be letters, digits, _ and - (run hands-on init neovim)'
  end
  local minutes = opts.idle_timeout_minutes
  if minutes == nil then
    minutes = 5
  elseif type(minutes) ~= 'number' or minutes ~= minutes then
    return nil, 'idle_timeout_minutes must be a number of minutes (1 to 60)'
  end
  local names = opts.record_project_names
  if names ~= nil and type(names) ~= 'boolean' then
    return nil, 'record_project_names must be true or false'
  end
  return {
    live_dir = opts.live_dir:gsub('[/\\]+$', ''),
    writer_id = opts.writer_id,
    timeout_ms = math.min(60, math.max(1, math.floor(minutes))) * MINUTE_MS,
    record_project_names = names ~= false,
  }
end

-- The last lines on quitting (or on a new setup()): written asynchronously like the others, with a bounded wait for
-- them to land. The autocommands stay (a new setup() replaces them): they only feed trackers nobody reads any more.
local function finish(s)
  if s.finished then
    return
  end
  s.finished = true
  s.timer:stop()
  s.timer:close()
  local now = now_ms()
  s.output:append(lines_until(s, now, true), now)
  vim.wait(EXIT_WAIT_MS, function()
    return s.output:idle()
  end, 10)
end

local function register(s)
  local group, user, typed = s.group, s.user, s.typed
  local autocmd = vim.api.nvim_create_autocmd
  local function activity()
    user:record(now_ms())
  end
  -- A terminal buffer changes and moves its cursor with the program's output, not with the user's hands.
  local function buffer_activity()
    if not s.in_terminal then
      user:record(now_ms())
    end
  end
  -- The per-key path: a clock read, the idle rule's comparisons and a counter.
  autocmd('InsertCharPre', {
    group = group,
    callback = function()
      local now = now_ms()
      user:record(now)
      typed:typed(now)
    end,
  })
  -- The text change a reload from disk makes is the disk's, not the user's: it is the buffer's state right after it.
  local function text_changed(args)
    local reload = s.reload
    if reload ~= nil then
      if args.buf == reload.buf and vim.api.nvim_buf_get_changedtick(args.buf) == reload.tick then
        return
      end
      s.reload = nil
    end
    buffer_activity()
  end
  autocmd({ 'TextChanged', 'TextChangedI', 'TextChangedP' }, { group = group, callback = text_changed })
  autocmd({ 'CursorMoved', 'CursorMovedI' }, { group = group, callback = buffer_activity })
  autocmd('BufWritePost', { group = group, callback = activity })
  autocmd('BufEnter', {
    group = group,
    callback = function(args)
      s.in_terminal = vim.bo[args.buf].buftype == 'terminal'
      update_context(s, args.buf)
      activity()
    end,
  })
  autocmd('TermOpen', {
    group = group,
    callback = function(args)
      s.in_terminal = args.buf == vim.api.nvim_get_current_buf()
    end,
  })
  autocmd({ 'FileType', 'DirChanged' }, {
    group = group,
    callback = function()
      update_context(s, vim.api.nvim_get_current_buf())
    end,
  })
  autocmd('FocusGained', {
    group = group,
    callback = function()
      user:set_focused(true)
      activity()
    end,
  })
  autocmd('FocusLost', {
    group = group,
    callback = function()
      user:set_focused(false)
    end,
  })
  -- A file changed outside Neovim and read again (autoread, :checktime): a buffer left unmodified holds the disk's text.
  autocmd('FileChangedShellPost', {
    group = group,
    callback = function(args)
      if vim.bo[args.buf].modified then
        return
      end
      s.disk:record(now_ms())
      s.reload = { buf = args.buf, tick = vim.api.nvim_buf_get_changedtick(args.buf) }
    end,
  })
  autocmd('VimLeavePre', {
    group = group,
    callback = function()
      finish(s)
    end,
  })
end

--- Starts recording. `opts`: live_dir, writer_id (from `hands-on init neovim`), idle_timeout_minutes,
--- record_project_names. Calling it again starts over with the new options.
function M.setup(opts)
  local config, problem = validated(opts)
  if config == nil then
    vim.notify('hands-on: ' .. problem, vim.log.levels.ERROR)
    return
  end
  if state ~= nil then
    finish(state)
  end
  local start = now_ms()
  local report = problem_reporter(config.live_dir)
  local s = {
    record_project_names = config.record_project_names,
    user = tracker.new(config.timeout_ms),
    disk = tracker.new(config.timeout_ms),
    typed = counts.new(),
    report = report,
    output = journal.new(config.live_dir, config.writer_id, report),
    -- Every Neovim of this machine shares the writer id: the characters carry this process's own id (see the format).
    process_id = config.writer_id:sub(1, 50) .. '.' .. vim.fn.getpid() .. '.' .. string.format('%.0f', start),
    workspaces = {},
    reload = nil,
    in_terminal = false,
    timer = uv.new_timer(),
    group = vim.api.nvim_create_augroup('hands-on', { clear = true }),
    finished = false,
  }
  state = s
  register(s)
  update_context(s, vim.api.nvim_get_current_buf())
  s.timer:start(FLUSH_INTERVAL_MS, FLUSH_INTERVAL_MS, function()
    guarded_flush(s)
  end)
end

return M
