-- Appends lines to this writer's journal file with libuv's asynchronous file calls: whole lines, one write per batch,
-- never blocking the editor. Lines a missing, read-only or slow folder cannot take wait in memory for the next try;
-- records are unions and cumulative counts, so a line written twice never counts twice.

local uv = vim.loop

local M = {}

-- A day of typing is a few hundred lines; past this the oldest wait no longer (the folder has been away for days).
local MAX_WAITING_LINES = 20000
local FILE_MODE = 438 -- 0666, less the umask
local DIR_MODE = 493 -- 0755

local Journal = {}
Journal.__index = Journal

--- `on_problem(message)` is told of each failed write; the caller decides how often the user hears of it.
function M.new(live_dir, writer_id, on_problem)
  return setmetatable({
    live_dir = live_dir,
    writer_id = writer_id,
    on_problem = on_problem,
    waiting = {},
    busy = false,
    -- A failed write may have left part of a line: the next batch starts on a fresh line.
    torn = false,
  }, Journal)
end

function M.file_name(now, writer_id)
  return os.date('!%Y-%m-%d', math.floor(now / 1000)) .. '.' .. writer_id .. '.jsonl'
end

local function parent_of(dir)
  return dir:match('^(.*)[/\\][^/\\]+$')
end

--- Creates `<data folder>/journal/live` when the data folder exists; never the data folder itself (a synced or
--- removable folder that is not there must not be replaced by an empty one).
function Journal:make_folders(done)
  local journal_dir = parent_of(self.live_dir)
  uv.fs_mkdir(journal_dir, DIR_MODE, function()
    uv.fs_mkdir(self.live_dir, DIR_MODE, function()
      done()
    end)
  end)
end

function Journal:failed(message)
  self.busy = false
  self.on_problem(message)
end

--- Queues `lines` and writes everything waiting, unless a write is under way (it writes them when it ends).
function Journal:append(lines, now)
  for _, line in ipairs(lines) do
    self.waiting[#self.waiting + 1] = line
  end
  if self.busy then
    return
  end
  local excess = #self.waiting - MAX_WAITING_LINES
  if excess > 0 then
    local kept = {}
    for i = excess + 1, #self.waiting do
      kept[#kept + 1] = self.waiting[i]
    end
    self.waiting = kept
  end
  if #self.waiting > 0 then
    self:write(now, true)
  end
end

function Journal:write(now, may_make_folders)
  self.busy = true
  local count = #self.waiting
  local data = (self.torn and '\n' or '') .. table.concat(self.waiting, '\n', 1, count) .. '\n'
  local path = self.live_dir .. '/' .. M.file_name(now, self.writer_id)
  uv.fs_open(path, 'a', FILE_MODE, function(open_error, fd)
    if open_error ~= nil then
      if may_make_folders and open_error:match('^ENOENT') then
        self:make_folders(function()
          self:write(now, false)
        end)
        return
      end
      self:failed(open_error)
      return
    end
    uv.fs_write(fd, data, -1, function(write_error, written)
      uv.fs_close(fd, function() end)
      if write_error ~= nil or written ~= #data then
        self.torn = true
        self:failed(write_error or 'short write')
        return
      end
      self.torn = false
      local rest = {}
      for i = count + 1, #self.waiting do
        rest[#rest + 1] = self.waiting[i]
      end
      self.waiting = rest
      self.busy = false
      if #rest > 0 then
        self:write(now, true)
      end
    end)
  end)
end

--- Whether nothing is being written now.
function Journal:idle()
  return not self.busy
end

return M
