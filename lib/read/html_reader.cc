// SPDX-License-Identifier: Apache-2.0
#include "read/html_reader.h"

#include <gumbo.h>

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "read/json.h"
#include "read/metadata_date.h"
#include "util/clean_text.h"
#include "util/utf8.h"

namespace steppe {
namespace {

// Real pages nest a few dozen levels. Deeper subtrees are ignored so that a hostile page
// cannot exhaust the stack of these recursive walks.
constexpr int kMaxDepth = 512;
// Real tags have a few attributes; gumbo compares each new one with all the tag's others.
constexpr size_t kMaxAttributes = 64;

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

  MarkupLimit Scan() {
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
      pos = ReadTag(name_start, &tag);
      if (pos == std::string_view::npos) break;  // the text ends inside the tag: no tag
      // Later <html> and <body> tags add their attributes to the first one's.
      size_t attributes = tag.attributes;
      if (!end_tag && (tag.name == "html" || tag.name == "body")) {
        attributes = (tag.name == "html" ? html_attributes_ : body_attributes_) += tag.attributes;
      }
      if (attributes > max_attributes_) {
        return Limit(
            start, "an HTML tag has more than " + std::to_string(max_attributes_) + " attributes");
      }
      if (end_tag) {
        Close(tag.name);
        continue;
      }
      if (!Open(tag.name, tag.self_closing)) {
        return Limit(start, "HTML elements nest more than " + std::to_string(max_open_) + " deep");
      }
      if (tag.name == "svg" || tag.name == "math") foreign_seen_ = true;
      // Raw text runs to its end tag. Inside <svg> and <math> <style>, <title> and <script>
      // hold markup instead, so once either has been seen nothing is skipped.
      if (!foreign_seen_ && IsRawText(tag.name)) pos = RawTextEnd(pos, tag.name);
    }
    return {};
  }

 private:
  struct Tag {
    std::string name;  // lower case
    size_t attributes = 0;
    bool self_closing = false;  // written <name ... />
  };

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
        return pos + 1;
      } else if (c == '/') {
        if (At(++pos) == '>') {
          tag->self_closing = true;
          return pos + 1;
        }
      } else {
        // An attribute: its name (which may start with '='), then maybe "=value".
        ++tag->attributes;
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

  // Returns false when the stack grows past the limit.
  bool Open(const std::string& name, bool self_closing) {
    while (InForeign() && IsBreakout(name)) LeaveForeign();
    if (InForeign()) {
      if (self_closing) return true;  // <path ... /> holds nothing
    } else if (IsVoid(name) || IsLeftOut(name)) {
      return true;  // in HTML "/>" closes nothing: <div/> is <div>
    } else if (name == "a" || name == "nobr") {
      EraseInnermost(name, false);  // a second <a> closes the first
    }
    open_.push_back(name);
    return open_.size() <= max_open_;
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
  void EraseInnermost(const std::string& name, bool scoped) {
    for (size_t i = open_.size(); i-- > 0;) {
      if (open_[i] == name) {
        open_.erase(open_.begin() + static_cast<std::ptrdiff_t>(i));
        return;
      }
      if (scoped && IsScopeBoundary(open_[i])) return;
    }
  }

  MarkupLimit Limit(size_t pos, std::string why) const {
    const auto newlines = std::count(html_.begin(), html_.begin() + pos, '\n');
    return {pos, static_cast<int>(newlines) + 1, std::move(why)};
  }

  std::string_view html_;
  size_t max_open_;
  size_t max_attributes_;
  std::vector<std::string> open_;  // the estimated stack of open elements, innermost last
  bool foreign_seen_ = false;
  size_t html_attributes_ = 0;  // of all <html> tags so far
  size_t body_attributes_ = 0;  // of all <body> tags so far
};

bool IsElement(const GumboNode* n) {
  return n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE;
}

bool IsTag(const GumboNode* n, GumboTag tag) { return IsElement(n) && n->v.element.tag == tag; }

std::string_view Attr(const GumboNode* n, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a != nullptr ? std::string_view(a->value) : std::string_view();
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Joins text into paragraphs: runs of white space become one space, and breaks asked for
// between pieces of text become "\n" (line) or "\n\n" (paragraph), never at either end.
class TextBuilder {
 public:
  void Add(std::string_view text, bool preformatted) {
    for (const char c : text) {
      if (c == '\r') continue;  // CRLF ends a line as LF does
      if (IsSpace(c) && !preformatted) {
        space_ = true;
        continue;
      }
      if (!out_.empty() && pending_ > 0) {
        out_.append(pending_, '\n');
      } else if (!out_.empty() && space_ && out_.back() != '\n') {
        out_.push_back(' ');
      }
      pending_ = 0;
      space_ = false;
      out_.push_back(c);
    }
  }
  void Space() { space_ = true; }
  void LineBreak() { pending_ = std::max(pending_, 1); }
  void ParagraphBreak() { pending_ = 2; }
  const std::string& text() const { return out_; }

 private:
  std::string out_;
  int pending_ = 0;  // newlines owed before the next text
  bool space_ = false;
};

// Whether a class or id names page furniture rather than article text. Words are matched
// within each name ("site-footer", "mainMenu", "sharebar"), except "ad", which must be a word
// of its own ("ad-slot", "ads") so that "head-line" and "thread" survive.
bool IsBoilerplateName(std::string_view names) {
  static constexpr std::string_view kParts[] = {"menu",   "nav",    "share",  "social",  "footer",
                                                "cookie", "advert", "banner", "related", "comment"};
  const std::string lower = Lower(names);
  for (const std::string_view part : kParts) {
    if (lower.find(part) != std::string::npos) return true;
  }
  size_t start = 0;
  while (start < lower.size()) {
    size_t end = start;
    while (end < lower.size() && lower[end] >= 'a' && lower[end] <= 'z') ++end;
    const std::string_view word = std::string_view(lower).substr(start, end - start);
    if (word == "ad" || word == "ads") return true;
    start = end + 1;
  }
  return false;
}

bool IsBoilerplate(const GumboNode* n) {
  switch (n->v.element.tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_CANVAS:
      return true;
    default:
      break;
  }
  if (gumbo_get_attribute(&n->v.element.attributes, "hidden") != nullptr) return true;
  if (Lower(Attr(n, "aria-hidden")) == "true") return true;
  return IsBoilerplateName(Attr(n, "class")) || IsBoilerplateName(Attr(n, "id"));
}

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL:
      return true;
    default:
      return false;
  }
}

struct TextMode {
  bool preformatted = false;  // inside <pre>: keep white space
  bool skip_furniture = false;
};

void AppendText(const GumboNode* n, TextMode mode, TextBuilder* out, int depth);

void AppendChildren(const GumboNode* n, TextMode mode, TextBuilder* out, int depth) {
  const GumboVector& children = n->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    AppendText(static_cast<const GumboNode*>(children.data[i]), mode, out, depth + 1);
  }
}

void AppendText(const GumboNode* n, TextMode mode, TextBuilder* out, int depth) {
  if (depth > kMaxDepth) return;
  if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
      n->type == GUMBO_NODE_CDATA) {
    return out->Add(n->v.text.text, mode.preformatted);
  }
  if (!IsElement(n) || (mode.skip_furniture && IsBoilerplate(n))) return;
  const GumboTag tag = n->v.element.tag;
  if (tag == GUMBO_TAG_BR) return out->LineBreak();
  if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) out->Space();
  if (tag == GUMBO_TAG_PRE) mode.preformatted = true;
  const bool block = IsBlock(tag);
  if (block) out->ParagraphBreak();
  AppendChildren(n, mode, out, depth);
  if (block) out->ParagraphBreak();
}

// All the text inside `n` on one line, as for a title.
std::string OneLineText(const GumboNode* n) {
  TextBuilder b;
  AppendChildren(n, {}, &b, 0);
  std::string s = b.text();
  std::replace(s.begin(), s.end(), '\n', ' ');
  return s;
}

// The text of a <script>, exactly as written.
std::string RawText(const GumboNode* n) {
  std::string s;
  const GumboVector& children = n->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (!IsElement(child) && child->type != GUMBO_NODE_COMMENT) s += child->v.text.text;
  }
  return s;
}

// The first element under `n` (in document order) for which pred holds, or nullptr. With
// skip_furniture, subtrees that are page furniture are not searched.
template <typename Pred>
const GumboNode* FindFirst(const GumboNode* n, const Pred& pred, bool skip_furniture,
                           int depth = 0) {
  if (depth > kMaxDepth || !IsElement(n)) return nullptr;
  if (depth > 0 && skip_furniture && IsBoilerplate(n)) return nullptr;
  if (pred(n)) return n;
  const GumboVector& children = n->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (const GumboNode* found = FindFirst(child, pred, skip_furniture, depth + 1)) return found;
  }
  return nullptr;
}

// <article>, else <main> (or role="main"), else <body>: where the article text is.
const GumboNode* ArticleRoot(const GumboNode* body) {
  const GumboNode* root = FindFirst(
      body, [](const GumboNode* n) { return IsTag(n, GUMBO_TAG_ARTICLE); }, true);
  if (root == nullptr) {
    root = FindFirst(
        body,
        [](const GumboNode* n) { return IsTag(n, GUMBO_TAG_MAIN) || Attr(n, "role") == "main"; },
        true);
  }
  return root != nullptr ? root : body;
}

struct DateCandidate {
  std::string text;
  int line = 0;
  const char* where = "";
};

// What the page says about itself, gathered in one walk; the first of each kind wins.
struct Metadata {
  std::string og_title, title, headline, h1;
  std::string canonical, og_url, site_name, publisher, lang;
  DateCandidate meta_date, json_ld_date;
};

void SetOnce(std::string* field, std::string_view value) {
  if (field->empty()) *field = std::string(value);
}

void ReadMeta(const GumboNode* n, Metadata* m) {
  static constexpr std::string_view kDateNames[] = {
      "article:published_time", "datepublished",  "date",   "pubdate", "publishdate",
      "publish-date",           "dc.date.issued", "dc.date"};
  std::string name = Lower(Attr(n, "property"));
  if (name.empty()) name = Lower(Attr(n, "name"));
  if (name.empty()) name = Lower(Attr(n, "itemprop"));
  const std::string_view content = Attr(n, "content");
  if (name == "og:title") SetOnce(&m->og_title, content);
  if (name == "og:url") SetOnce(&m->og_url, content);
  if (name == "og:site_name") SetOnce(&m->site_name, content);
  if (m->meta_date.text.empty() && !content.empty() &&
      std::find(std::begin(kDateNames), std::end(kDateNames), name) != std::end(kDateNames)) {
    m->meta_date = {std::string(content), static_cast<int>(n->v.element.start_pos.line), "<meta>"};
  }
}

// The first object in a JSON-LD block (itself, its "@graph" or its array) with `key`.
const JsonValue* FindJsonLdObject(const JsonValue& v, std::string_view key, int depth = 0) {
  if (v.type == JsonValue::Type::kObject && v.Find(key) != nullptr) return &v;
  const JsonValue* list = v.type == JsonValue::Type::kObject ? v.Find("@graph") : &v;
  if (depth > 2 || list == nullptr || list->type != JsonValue::Type::kArray) return nullptr;
  for (const JsonValue& item : list->array) {
    if (const JsonValue* found = FindJsonLdObject(item, key, depth + 1)) return found;
  }
  return nullptr;
}

std::string JsonLdText(const JsonValue* v) {
  if (v == nullptr) return "";
  if (v->type == JsonValue::Type::kString) return v->text;
  const JsonValue* name = v->type == JsonValue::Type::kObject ? v->Find("name") : nullptr;
  return name != nullptr && name->type == JsonValue::Type::kString ? name->text : "";
}

// Structured data is the publisher's, not the user's, so a block that does not parse is
// passed over silently: the other sources of each field remain.
void ReadJsonLd(const GumboNode* script, Metadata* m) {
  JsonValue ld;
  if (!ParseJson(RawText(script), &ld).ok()) return;
  if (const JsonValue* a = FindJsonLdObject(ld, "datePublished");
      a && m->json_ld_date.text.empty()) {
    m->json_ld_date = {JsonLdText(a->Find("datePublished")),
                       static_cast<int>(script->v.element.start_pos.line), "JSON-LD"};
  }
  if (const JsonValue* a = FindJsonLdObject(ld, "headline")) {
    SetOnce(&m->headline, JsonLdText(a->Find("headline")));
  }
  if (const JsonValue* a = FindJsonLdObject(ld, "publisher")) {
    SetOnce(&m->publisher, JsonLdText(a->Find("publisher")));
  }
}

void CollectMetadata(const GumboNode* n, Metadata* m, int depth) {
  if (depth > kMaxDepth || !IsElement(n)) return;
  switch (n->v.element.tag) {
    case GUMBO_TAG_HTML:
      SetOnce(&m->lang, Lower(Attr(n, "lang")));
      break;
    case GUMBO_TAG_TITLE:
      // An <svg> has <title>s of its own.
      if (n->v.element.tag_namespace == GUMBO_NAMESPACE_HTML) SetOnce(&m->title, OneLineText(n));
      return;
    case GUMBO_TAG_H1:
      SetOnce(&m->h1, OneLineText(n));
      return;
    case GUMBO_TAG_META:
      return ReadMeta(n, m);
    case GUMBO_TAG_LINK:
      if (Lower(Attr(n, "rel")).find("canonical") != std::string::npos) {
        SetOnce(&m->canonical, Attr(n, "href"));
      }
      return;
    case GUMBO_TAG_SCRIPT:
      if (Lower(Attr(n, "type")) == "application/ld+json") ReadJsonLd(n, m);
      return;
    default:
      break;
  }
  const GumboVector& children = n->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    CollectMetadata(static_cast<const GumboNode*>(children.data[i]), m, depth + 1);
  }
}

DateCandidate TimeElementDate(const GumboNode* root, const GumboNode* html) {
  const auto has_datetime = [](const GumboNode* n) {
    return IsTag(n, GUMBO_TAG_TIME) && !Attr(n, "datetime").empty();
  };
  // The article's own <time> first: a sidebar of other stories may come earlier in the page.
  const GumboNode* time = FindFirst(root, has_datetime, false);
  if (time == nullptr) time = FindFirst(html, has_datetime, false);
  if (time == nullptr) return {};
  return {std::string(Attr(time, "datetime")), static_cast<int>(time->v.element.start_pos.line),
          "<time>"};
}

// Takes the first candidate that reads as a date; each one before it that does not is
// reported, saying what was used instead.
void ApplyDate(const std::vector<DateCandidate>& candidates, const std::string& path, Article* out,
               std::vector<Problem>* problems) {
  std::vector<Problem> bad;
  for (const DateCandidate& c : candidates) {
    if (c.text.empty()) continue;
    Date date;
    const Status s = ParseMetadataDate(c.text, &date);
    if (!s.ok()) {
      bad.push_back({path, c.line, std::string("date in ") + c.where + ": " + s.message(), ""});
      continue;
    }
    out->date = date;
    for (Problem& p : bad) p.hint = std::string("ignored; the date in ") + c.where + " was used";
    break;
  }
  for (Problem& p : bad) {
    if (p.hint.empty()) p.hint = "the article is indexed undated";
    problems->push_back(std::move(p));
  }
}

std::string FirstNonEmpty(std::initializer_list<const std::string*> values) {
  for (const std::string* v : values) {
    if (!v->empty()) return *v;
  }
  return "";
}

// "ru-RU" -> "ru"; languages other than Steppe's three are left for the indexer to guess.
std::string LanguageCode(std::string_view lang) {
  const std::string code(lang.substr(0, lang.find_first_of("-_")));
  return code == "en" || code == "ru" || code == "kk" ? code : "";
}

// gumbo 0.10 writes a numeric character reference beyond Unicode (&#xBBBBBBBBBBBB;) as bytes
// that are not UTF-8 (the HTML fuzzer found it), and the rest of Steppe needs valid UTF-8.
std::string ValidUtf8(std::string text) {
  RepairUtf8(&text);
  return text;
}

struct GumboDeleter {
  void operator()(GumboOutput* output) const {
    gumbo_destroy_output(&kGumboDefaultOptions, output);
  }
};

}  // namespace

MarkupLimit FindMarkupLimit(std::string_view html, size_t max_open, size_t max_attributes) {
  return MarkupScanner(html, max_open, max_attributes).Scan();
}

void ReadHtml(std::string_view html, const std::string& path, Article* out,
              std::vector<Problem>* problems) {
  // Markup that no real page has would make gumbo slow or crash (see MarkupScanner): parse
  // the page up to there.
  if (const MarkupLimit limit =
          FindMarkupLimit(html, static_cast<size_t>(kMaxDepth), kMaxAttributes);
      limit.end != std::string_view::npos) {
    problems->push_back({path, limit.line, limit.why,
                         "the page was read up to there; check that the file is a real page"});
    html = html.substr(0, limit.end);
  }
  GumboOptions options = kGumboDefaultOptions;
  // Steppe reads no parse errors, and gumbo copies the whole stack of open elements into
  // each: 100,000 unclosed <div>s took 19 GB.
  options.max_errors = 0;
  const std::unique_ptr<GumboOutput, GumboDeleter> doc(
      gumbo_parse_with_options(&options, html.data(), html.size()));
  Metadata m;
  CollectMetadata(doc->root, &m, 0);
  const GumboNode* body = FindFirst(
      doc->root, [](const GumboNode* n) { return IsTag(n, GUMBO_TAG_BODY); }, false);
  const GumboNode* root = body != nullptr ? ArticleRoot(body) : doc->root;

  out->title = CleanText(ValidUtf8(FirstNonEmpty({&m.og_title, &m.title, &m.headline, &m.h1})));
  out->url = ValidUtf8(FirstNonEmpty({&m.canonical, &m.og_url}));
  out->source = CleanText(ValidUtf8(FirstNonEmpty({&m.site_name, &m.publisher})));
  out->lang = LanguageCode(m.lang);
  ApplyDate({m.meta_date, m.json_ld_date, TimeElementDate(root, doc->root)}, path, out, problems);
  // The root itself is never furniture: a <body class="has-cookie-banner"> holds the article.
  TextBuilder text;
  AppendChildren(root, {.skip_furniture = true}, &text, 0);
  out->body = CleanText(ValidUtf8(text.text()));
}

}  // namespace steppe
