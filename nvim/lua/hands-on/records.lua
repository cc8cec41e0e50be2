-- Journal lines (docs/journal-format.md): one JSON object per line, short keys, times in epoch milliseconds.

local M = {}

M.SOURCE = 'neovim'

-- As the extension's sanitizeContextValue: a name, never a path; no control characters; at most 100 bytes.
local MAX_CONTEXT_BYTES = 100

--- A workspace or language name as the journal keeps it, or nil when nothing is left of it.
function M.context_value(value)
  if value == nil then
    return nil
  end
  local last = nil
  for segment in value:gmatch('[^/\\]+') do
    last = segment
  end
  if last == nil then
    return nil
  end
  last = last:gsub('%c', ''):gsub('^%s+', ''):gsub('%s+$', '')
  if #last > MAX_CONTEXT_BYTES then
    local cut = MAX_CONTEXT_BYTES
    -- Never cut a UTF-8 character in two: back off over continuation bytes.
    while cut > 0 and last:byte(cut + 1) >= 0x80 and last:byte(cut + 1) < 0xC0 do
      cut = cut - 1
    end
    last = last:sub(1, cut):gsub('%s+$', '')
  end
  if last == '' then
    return nil
  end
  return last
end

local function escape(char)
  if char == '"' then
    return '\\"'
  elseif char == '\\' then
    return '\\\\'
  end
  return string.format('\\u%04x', char:byte())
end

function M.json_string(value)
  return '"' .. value:gsub('[%c"\\]', escape) .. '"'
end

local function ms(value)
  return string.format('%.0f', value)
end

local function context_fields(record)
  local fields = ''
  if record.l ~= nil then
    fields = fields .. ',"l":' .. M.json_string(record.l)
  end
  if record.w ~= nil then
    fields = fields .. ',"w":' .. M.json_string(record.w)
  end
  return fields
end

--- A span of the user's time (`agent` nil) or of an agent's (`agent` its name, e.g. `disk`).
function M.span_line(span, agent)
  local kind = agent == nil and '"a"' or '"g"'
  local agent_field = agent == nil and '' or ',"ag":' .. M.json_string(agent)
  return '{"v":1,"k":' .. kind .. ',"s":' .. ms(span.s) .. ',"e":' .. ms(span.e) .. ',"src":"' .. M.SOURCE .. '"' .. agent_field .. context_fields(span) .. '}'
end

--- A quarter hour's typed characters so far; `id` names this Neovim process (its writer id is shared with others).
function M.characters_line(bucket, id)
  return '{"v":1,"k":"c","s":' .. ms(bucket.s) .. ',"e":' .. ms(bucket.s + 900000) .. ',"y":' .. ms(bucket.y) .. ',"p":0,"i":0,"g":0' .. context_fields(bucket) .. ',"id":' .. M.json_string(id) .. '}'
end

return M
