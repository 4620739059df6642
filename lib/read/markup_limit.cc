// SPDX-License-Identifier: Apache-2.0
#include "read/markup_limit.h"

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

namespace steppe {
namespace {

// gumbo 0.10 builds the tree as the HTML standard says, and several of the standard's steps
// walk the whole stack of open elements, the list of formatting elements or a tag's
// attributes, on every tag. Hostile pages make that quadratic or worse: 100,000 nested
// <div>s (500 KB) took 23 s to parse, 20,000 <b id=N><p> pairs over a minute, one tag with
// 40,000 attributes 5 s, 3,000 <body> tags with 60 attributes each (which add up on the one
// body) 4 minutes; and gumbo frees its tree recursively, so a few MB of nested <span>s
// overflowed the stack and crashed the indexer. No real page comes near: news pages nest a
// few dozen elements. So before gumbo sees a page, this scan finds where its markup first
// nests deeper than a limit, or gives a tag more attributes than a limit, and the page is
// parsed up to there only.
//
// The scan follows the tokenizer (comments, quoted attribute values, raw text such as
// <script>) and estimates the stack of open elements from above: where it cannot tell what
// the tree builder does, it keeps an element open. An end tag closes the innermost element
// only when it is that element; misnested ones are left open (the tree builder keeps or
// reconstructs many of them). Elements the tree builder closes by itself (<p>, <li>, table
// cells) are left out: they cannot nest without a counted element between them.
class MarkupScanner {
 public:
  MarkupScanner(std::string_view html, size_t max_open, size_t max_attributes)
      : html_(html), max_open_(max_open), max_attributes_(max_attributes) {}

  // Scans the page; ranges of it to drop go to *drops, and the first excess to *first.
  // Returns where reading must stop (npos: at the end).
  size_t Scan(std::vector<std::pair<size_t, size_t>>* drops, MarkupLimit* first) {
    size_t pos = 0;
    while ((pos = html_.find('<', pos)) != std::string_view::npos) {
      const size_t start = pos;
      if (html_.substr(pos, 4) == "<!--") {
        pos = CommentEnd(pos + 4);
        continue;
      }
      const char next = At(pos + 1);
      if (next == '!' || next == '?') {  // a doctype or a bogus comment: up to '>'
        pos = After('>', pos + 2);
        continue;
      }
      const bool end_tag = next == '/';
      const size_t name_start = pos + (end_tag ? 2 : 1);
      if (!IsAsciiAlpha(At(name_start))) {
        // "<" before anything else is text; "</" before it is a bogus comment.
        pos = end_tag ? After('>', name_start) : pos + 1;
        continue;
      }
      Tag tag;
      // Later <html> and <body> tags add their attributes to the first one's.
      size_t* shared = nullptr;
      if (!end_tag) {
        const std::string_view n = NameAt(name_start);
        if (n == "html") shared = &html_attributes_;
        if (n == "body") shared = &body_attributes_;
      }
      const size_t before = shared != nullptr ? *shared : 0;
      tag.allowed = max_attributes_ > before ? max_attributes_ - before : 0;
      pos = ReadTag(name_start, &tag);
      if (pos == std::string_view::npos) break;  // the text ends inside the tag: no tag
      if (shared != nullptr) *shared += std::min(tag.attributes, tag.allowed);
      if (tag.attributes > tag.allowed) {
        drops->emplace_back(tag.cut_from, tag.attributes_end);
        Note(start,
             "an HTML tag has more than " + std::to_string(max_attributes_) +
                 " attributes; the rest were dropped",
             first);
      }
      if (end_tag) {
        Close(tag.name);
        continue;
      }
      const OpenResult opened = Open(tag.name, tag.self_closing);
      if (opened == OpenResult::kStop) {
        Note(start,
             "HTML formatting elements nest more than " + std::to_string(max_open_ / 4) +
                 " deep; the page was read up to there",
             first);
        return start;
      }
      if (opened == OpenResult::kDropped) {
        if (!drops->empty() && drops->back().first >= start) drops->pop_back();
        drops->emplace_back(start, pos);
        Note(start,
             "HTML elements nest more than " + std::to_string(max_open_) +
                 " deep; the tags past that were dropped",
             first);
        continue;
      }
      if (tag.name == "svg" || tag.name == "math") foreign_seen_ = true;
      // Raw text runs to its end tag. Inside <svg> and <math> <style>, <title> and <script>
      // hold markup instead, so once either has been seen nothing is skipped.
      if (!foreign_seen_ && IsRawText(tag.name)) pos = RawTextEnd(pos, tag.name);
    }
    return std::string_view::npos;
  }

 private:
  struct Tag {
    std::string name;  // lower case
    size_t attributes = 0;
    size_t allowed = 0;         // attributes kept; those past them are dropped
    size_t cut_from = 0;        // where the first dropped attribute starts
    size_t attributes_end = 0;  // where the attributes end (at "/>" or ">")
    bool self_closing = false;  // written <name ... />
  };
  enum class OpenResult { kOpened, kDropped, kStop };

  // The lower-case tag name that starts at `pos`.
  std::string_view NameAt(size_t pos) const {
    size_t end = pos;
    while (end < html_.size() && end - pos < 5 && IsAsciiAlpha(html_[end])) ++end;
    if (end - pos != 4) return "";
    name_buffer_.assign(html_.substr(pos, 4));
    for (char& c : name_buffer_) c = static_cast<char>(c | 0x20);
    return name_buffer_;
  }

  void Note(size_t pos, std::string why, MarkupLimit* first) const {
    if (first->end != std::string_view::npos) return;
    const auto newlines = std::count(html_.begin(), html_.begin() + pos, '\n');
    *first = {pos, static_cast<int>(newlines) + 1, std::move(why)};
  }

  static bool IsAsciiAlpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
  static bool IsSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  }
  static bool OneOf(std::string_view name, std::initializer_list<std::string_view> names) {
    return std::find(names.begin(), names.end(), name) != names.end();
  }
  // Elements that hold nothing.
  static bool IsVoid(std::string_view n) {
    return OneOf(
        n, {"area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image",
            "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr"});
  }
  // Elements the tree builder closes by itself, or merges into one.
  static bool IsLeftOut(std::string_view n) {
    return OneOf(n, {"body", "caption", "colgroup", "dd", "dt", "head", "html", "li", "option", "p",
                     "tbody", "td", "tfoot", "th", "thead", "tr"});
  }
  static bool IsRawText(std::string_view n) {
    return OneOf(n,
                 {"iframe", "noembed", "noframes", "script", "style", "textarea", "title", "xmp"});
  }
  // Start tags that end foreign content (the standard's list, and <font> with any attributes).
  static bool IsBreakout(std::string_view n) {
    return OneOf(n, {"b",     "big",     "blockquote", "body", "br",     "center", "code", "dd",
                     "div",   "dl",      "dt",         "em",   "embed",  "font",   "h1",   "h2",
                     "h3",    "h4",      "h5",         "h6",   "head",   "hr",     "i",    "img",
                     "li",    "listing", "menu",       "meta", "nobr",   "ol",     "p",    "pre",
                     "ruby",  "s",       "small",      "span", "strong", "strike", "sub",  "sup",
                     "table", "tt",      "u",          "ul",   "var"});
  }
  // Elements of <svg> and <math> whose content is HTML again.
  static bool IsIntegrationPoint(std::string_view n) {
    return OneOf(
        n, {"annotation-xml", "desc", "foreignobject", "mi", "mn", "mo", "ms", "mtext", "title"});
  }

  static bool IsFormatting(std::string_view n) {
    return OneOf(n, {"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike",
                     "strong", "tt", "u"});
  }
  static bool IsScopeBoundary(std::string_view n) {
    return IsIntegrationPoint(n) || OneOf(n, {"applet", "caption", "html", "marquee", "object",
                                              "table", "td", "template", "th"});
  }

  char At(size_t pos) const { return pos < html_.size() ? html_[pos] : '\0'; }

  // The position after the next `c` from `pos`, or the end of the text.
  size_t After(char c, size_t pos) const {
    const size_t found = html_.find(c, pos);
    return found == std::string_view::npos ? html_.size() : found + 1;
  }

  // A comment ends at "-->" or "--!>"; "<!-->" and "<!--->" are empty comments.
  size_t CommentEnd(size_t pos) const {
    if (At(pos) == '>') return pos + 1;
    if (At(pos) == '-' && At(pos + 1) == '>') return pos + 2;
    const size_t a = html_.find("-->", pos);
    const size_t b = html_.find("--!>", pos);
    if (a == std::string_view::npos && b == std::string_view::npos) return html_.size();
    return a < b ? a + 3 : b + 4;
  }

  // Reads the name and attributes of a tag whose name starts at `pos`; returns the position
  // after its '>', or npos when the text ends first.
  size_t ReadTag(size_t pos, Tag* tag) const {
    while (pos < html_.size() && !IsSpace(html_[pos]) && html_[pos] != '/' && html_[pos] != '>') {
      const char c = html_[pos++];
      tag->name.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c);
    }
    while (pos < html_.size()) {
      const char c = html_[pos];
      if (IsSpace(c)) {
        ++pos;
      } else if (c == '>') {
        tag->attributes_end = pos;
        return pos + 1;
      } else if (c == '/') {
        if (At(++pos) == '>') {
          tag->attributes_end = pos - 1;
          tag->self_closing = true;
          return pos + 1;
        }
      } else {
        // An attribute: its name (which may start with '='), then maybe "=value".
        if (tag->attributes++ == tag->allowed) tag->cut_from = pos;
        ++pos;
        while (pos < html_.size() && !IsSpace(html_[pos]) && html_[pos] != '/' &&
               html_[pos] != '>' && html_[pos] != '=') {
          ++pos;
        }
        while (pos < html_.size() && IsSpace(html_[pos])) ++pos;
        if (At(pos) != '=') continue;
        ++pos;
        while (pos < html_.size() && IsSpace(html_[pos])) ++pos;
        if (At(pos) == '"' || At(pos) == '\'') {
          pos = After(html_[pos], pos + 1);
        } else {
          while (pos < html_.size() && !IsSpace(html_[pos]) && html_[pos] != '>') ++pos;
        }
      }
    }
    return std::string_view::npos;
  }

  // The position of the end tag that closes raw text opened by <name>, or the end.
  size_t RawTextEnd(size_t pos, const std::string& name) const {
    for (;; ++pos) {
      pos = html_.find("</", pos);
      if (pos == std::string_view::npos) return html_.size();
      bool same = pos + 2 + name.size() <= html_.size();
      for (size_t i = 0; same && i < name.size(); ++i) {
        same = (html_[pos + 2 + i] | 0x20) == name[i];
      }
      const char after = At(pos + 2 + name.size());
      if (same && (IsSpace(after) || after == '/' || after == '>')) return pos;
    }
  }

  // Whether the next tag is read as <svg> or <math> content: an element of one of them is
  // open, with no HTML integration point above it.
  bool InForeign() const {
    if (!foreign_seen_) return false;
    for (auto it = open_.rbegin(); it != open_.rend(); ++it) {
      if (*it == "svg" || *it == "math") return true;
      if (IsIntegrationPoint(*it)) return false;
    }
    return false;
  }

  // Closes the innermost <svg> or <math> and everything in it.
  void LeaveForeign() {
    while (!open_.empty()) {
      const bool root = open_.back() == "svg" || open_.back() == "math";
      open_.pop_back();
      if (root) return;
    }
  }

  // Opens `name` on the estimated stack, unless that would grow it past the limit: then the
  // tag is to be dropped, or reading to stop where formatting elements pile up (gumbo
  // reconstructs all of them in every paragraph).
  OpenResult Open(const std::string& name, bool self_closing) {
    const size_t before = open_.size();
    while (InForeign() && IsBreakout(name)) LeaveForeign();
    const bool left_foreign = open_.size() != before;
    if (InForeign()) {
      if (self_closing) return OpenResult::kOpened;  // <path ... /> holds nothing
    } else if (IsVoid(name) || IsLeftOut(name)) {
      return OpenResult::kOpened;  // in HTML "/>" closes nothing: <div/> is <div>
    } else if ((name == "a" || name == "nobr") && EraseInnermost(name, false)) {
      open_.push_back(name);  // a second <a> closes the first: the stack keeps its size
      return OpenResult::kOpened;
    }
    if (open_.size() >= max_open_) {
      return left_foreign || IsFormatting(name) ? OpenResult::kStop : OpenResult::kDropped;
    }
    if (IsFormatting(name) &&
        static_cast<size_t>(std::count_if(open_.begin(), open_.end(), [](const std::string& n) {
          return IsFormatting(n);
        })) >= max_open_ / 4) {
      return OpenResult::kStop;
    }
    open_.push_back(name);
    return OpenResult::kOpened;
  }

  void Close(const std::string& name) {
    if (InForeign()) {
      // In foreign content an end tag closes its element and everything in it; one that
      // names none of the foreign elements is handled as HTML, which may leave the content.
      for (size_t i = open_.size(); i-- > 0;) {
        if (open_[i] == name) {
          open_.resize(i);
          return;
        }
        if (open_[i] == "svg" || open_[i] == "math") break;
      }
      while (InForeign()) LeaveForeign();
    }
    if (!open_.empty() && open_.back() == name) {
      open_.pop_back();
    } else if (IsFormatting(name)) {
      // The adoption agency closes a misnested <b> (keeping the blocks opened inside it),
      // unless a table or the like stands between.
      EraseInnermost(name, true);
    }
  }

  // Erases the innermost open element called `name` (not those inside it), if any; with
  // `scoped`, only when no scope boundary is inside it.
  bool EraseInnermost(const std::string& name, bool scoped) {
    for (size_t i = open_.size(); i-- > 0;) {
      if (open_[i] == name) {
        open_.erase(open_.begin() + static_cast<std::ptrdiff_t>(i));
        return true;
      }
      if (scoped && IsScopeBoundary(open_[i])) return false;
    }
    return false;
  }

  std::string_view html_;
  size_t max_open_;
  size_t max_attributes_;
  std::vector<std::string> open_;  // the estimated stack of open elements, innermost last
  bool foreign_seen_ = false;
  size_t html_attributes_ = 0;  // of all <html> tags so far
  size_t body_attributes_ = 0;  // of all <body> tags so far
  mutable std::string name_buffer_;
};

}  // namespace

std::string LimitMarkup(std::string_view html, size_t max_open, size_t max_attributes,
                        MarkupLimit* first) {
  *first = {};
  std::vector<std::pair<size_t, size_t>> drops;
  const size_t stop = MarkupScanner(html, max_open, max_attributes).Scan(&drops, first);
  if (stop != std::string_view::npos) html = html.substr(0, stop);
  std::string out;
  out.reserve(html.size());
  size_t pos = 0;
  for (const auto& [begin, end] : drops) {
    if (begin >= html.size()) break;
    out.append(html.substr(pos, begin - pos));
    pos = end;
  }
  if (pos < html.size()) out.append(html.substr(pos));
  return out;
}

}  // namespace steppe
