-- Pandoc filter for kamerbrief: a letter's tables become rows of their own.
-- Ministry DOCX set the letterhead in tables ("Datum | 16 mei 2024"); a row whose cells each hold
-- one line becomes one pipe-table row (one paragraph when one cell holds text), other cells give
-- their blocks in order. Images carry no text.

local function cell_text(cell)
  local blocks = cell.contents
  if #blocks == 0 then return "" end
  if #blocks == 1 and (blocks[1].t == "Plain" or blocks[1].t == "Para") then
    return pandoc.utils.stringify(blocks[1])
  end
  return nil
end

local function add_rows(rows, out)
  for _, row in ipairs(rows) do
    local texts = {}
    local all = {}
    local simple = true
    for _, cell in ipairs(row.cells) do
      local t = cell_text(cell)
      if t == nil then simple = false break end
      if t ~= "" then table.insert(texts, t) end
      table.insert(all, (t:gsub("|", "\\|")))
    end
    if simple then
      if #texts == 1 then
        table.insert(out, pandoc.Para({pandoc.Str(texts[1])}))
      elseif #texts > 1 then
        -- a pipe-table row: kamerbrief's cleaning joins a letterhead row ("Datum | 16 mei 2024")
        -- into one line and keeps the cells of a data row
        table.insert(out, pandoc.RawBlock("markdown", "| " .. table.concat(all, " | ") .. " |"))
      end
    else
      for _, cell in ipairs(row.cells) do
        for _, b in ipairs(cell.contents) do table.insert(out, b) end
      end
    end
  end
end

function Table(tbl)
  local out = {}
  add_rows(tbl.head.rows, out)
  for _, body in ipairs(tbl.bodies) do
    add_rows(body.head, out)
    add_rows(body.body, out)
  end
  add_rows(tbl.foot.rows, out)
  return out
end

function Image(img)
  return {}
end
