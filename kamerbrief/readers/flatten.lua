-- Pandoc filter for kamerbrief: a letter's tables become rows of their own.
-- Ministry DOCX set the letterhead in tables ("Datum | 16 mei 2024"); a row whose cells each hold
-- one line becomes one pipe-table row (one paragraph when one cell holds text), and so does a row whose
-- cells hold paragraphs and lists with a sentence among them (a table of recommendations and responses,
-- each cell's parts joined on one line); other cells give their blocks in order. Images carry no text.

local function cell_text(cell)
  local blocks = cell.contents
  if #blocks == 0 then return "" end
  if #blocks == 1 and (blocks[1].t == "Plain" or blocks[1].t == "Para") then
    return pandoc.utils.stringify(blocks[1])
  end
  return nil
end

-- A cell of several paragraphs or list items, as one line: "P1 P2 - item - item". Only for a cell that
-- holds a sentence (a response in a table of recommendations), in a row of two to four cells, two of them
-- filled, of a table of two rows or more; never a layout cell of address lines or one that holds the body.
local function joined_text(cell)
  local parts = {}
  local sentence = false
  for _, b in ipairs(cell.contents) do
    if b.t == "Plain" or b.t == "Para" then
      local t = pandoc.utils.stringify(b)
      if t:match("[%.:;!?]%s*$") and select(2, t:gsub("%s+", "")) >= 3 then sentence = true end
      table.insert(parts, t)
    elseif b.t == "BulletList" or b.t == "OrderedList" then
      for _, item in ipairs(b.content) do
        table.insert(parts, "- " .. pandoc.utils.stringify(item))
      end
    else
      return nil
    end
  end
  if not sentence or #parts > 12 then return nil end
  return table.concat(parts, " ")
end

local function add_rows(rows, out, joinable)
  for _, row in ipairs(rows) do
    local texts = {}
    local all = {}
    local simple = true
    local cells = {}
    local joined, filled = false, 0
    for _, cell in ipairs(row.cells) do
      local t = cell_text(cell)
      if t == nil and joinable and #row.cells >= 2 and #row.cells <= 4 then
        t = joined_text(cell)
        joined = t ~= nil
      end
      if t == nil then simple = false break end
      if t ~= "" then filled = filled + 1 end
      table.insert(cells, t)
    end
    -- a joined cell beside only empty ones is a layout cell holding body text: its paragraphs stay apart
    if simple and joined and filled < 2 then simple = false end
    for _, t in ipairs(simple and cells or {}) do
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
  local count = #tbl.head.rows + #tbl.foot.rows
  for _, body in ipairs(tbl.bodies) do count = count + #body.head + #body.body end
  local joinable = count >= 2
  add_rows(tbl.head.rows, out, joinable)
  for _, body in ipairs(tbl.bodies) do
    add_rows(body.head, out, joinable)
    add_rows(body.body, out, joinable)
  end
  add_rows(tbl.foot.rows, out, joinable)
  return out
end

function Image(img)
  return {}
end
