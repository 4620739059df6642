// SPDX-License-Identifier: Apache-2.0
#include "read/html_reader.h"

#include <gumbo.h>

#include <algorithm>
#include <initializer_list>
#include <memory>
#include <string>

#include "read/json.h"
#include "read/metadata_date.h"
#include "util/clean_text.h"

namespace steppe {
namespace {

// Real pages nest a few dozen levels. Deeper subtrees are ignored so that a hostile page
// cannot exhaust the stack of these recursive walks.
constexpr int kMaxDepth = 512;

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

struct GumboDeleter {
  void operator()(GumboOutput* output) const {
    gumbo_destroy_output(&kGumboDefaultOptions, output);
  }
};

}  // namespace

void ReadHtml(std::string_view html, const std::string& path, Article* out,
              std::vector<Problem>* problems) {
  const std::unique_ptr<GumboOutput, GumboDeleter> doc(
      gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()));
  Metadata m;
  CollectMetadata(doc->root, &m, 0);
  const GumboNode* body = FindFirst(
      doc->root, [](const GumboNode* n) { return IsTag(n, GUMBO_TAG_BODY); }, false);
  const GumboNode* root = body != nullptr ? ArticleRoot(body) : doc->root;

  out->title = CleanText(FirstNonEmpty({&m.og_title, &m.title, &m.headline, &m.h1}));
  out->url = FirstNonEmpty({&m.canonical, &m.og_url});
  out->source = CleanText(FirstNonEmpty({&m.site_name, &m.publisher}));
  out->lang = LanguageCode(m.lang);
  ApplyDate({m.meta_date, m.json_ld_date, TimeElementDate(root, doc->root)}, path, out, problems);
  // The root itself is never furniture: a <body class="has-cookie-banner"> holds the article.
  TextBuilder text;
  AppendChildren(root, {.skip_furniture = true}, &text, 0);
  out->body = CleanText(text.text());
}

}  // namespace steppe
