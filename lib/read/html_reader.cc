// SPDX-License-Identifier: Apache-2.0
#include "read/html_reader.h"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstddef>
#include <cstdlib>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "extract/dates.h"
#include "read/json.h"
#include "read/markup_limit.h"
#include "read/metadata_date.h"
#include "util/clean_text.h"
#include "util/utf8.h"

namespace steppe {
namespace {

// Real pages nest a few dozen levels (the estimate below counts misnested elements too, so
// a real page may reach a hundred or two). Start tags past this are dropped before gumbo
// sees them.
constexpr size_t kMaxOpen = 512;
// gumbo's tree stays within a few times the estimate; deeper subtrees are ignored so that a
// hostile page cannot exhaust the stack of these recursive walks.
constexpr int kMaxDepth = 4 * static_cast<int>(kMaxOpen) + 16;
// Real tags have a few attributes, rarely dozens; gumbo compares each new one with all the
// tag's others. Attributes past this are dropped.
constexpr size_t kMaxAttributes = 64;

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

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

// The words of a class or id attribute, lower case, split at anything but a letter or digit
// and at camelCase humps ("mainMenu" gives "main", "menu").
std::vector<std::string> NameWords(std::string_view names) {
  std::vector<std::string> words;
  std::string word;
  char prev = 0;
  for (const char c : names) {
    const bool upper = c >= 'A' && c <= 'Z';
    const bool alnum = upper || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!alnum || (upper && prev >= 'a' && prev <= 'z')) {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    }
    if (alnum) word.push_back(upper ? static_cast<char>(c | 0x20) : c);
    prev = c;
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

// Whether a class or id names page furniture rather than article text. Parts are matched
// within each name ("site-footer", "sharebar"); short words must be words of their own
// ("ad-slot", "ads", "tags") so that "head-line", "thread" and "stagger" survive.
bool IsBoilerplateName(std::string_view names) {
  static constexpr std::string_view kParts[] = {
      "menu",       "nav",       "share",    "social",    "footer",     "cookie",
      "advert",     "banner",    "related",  "comment",   "newsletter", "promo",
      "breadcrumb", "subscribe", "signup",   "mostread",  "most-read",  "popular",
      "recommend",  "outbrain",  "taboola",  "sponsor",   "caption",    "credit",
      "sidebar",    "toolbar",   "readmore", "read-more", "pagination", "author",
      "disqus",     "teaser",    "trending", "widget",    "copyright",  "moreover"};
  static constexpr std::string_view kWords[] = {"ad",    "ads",  "tags",    "tag",   "topics",
                                                "more",  "bio",  "print",   "email", "rss",
                                                "modal", "meta", "keywords"};
  const std::string lower = Lower(names);
  for (const std::string_view part : kParts) {
    if (Contains(lower, part)) return true;
  }
  for (const std::string& word : NameWords(names)) {
    if (std::find(std::begin(kWords), std::end(kWords), word) != std::end(kWords)) return true;
  }
  return false;
}

// Whether a class or id names the article's text, its standfirst or its body.
bool IsContentName(std::string_view names) {
  static constexpr std::string_view kParts[] = {
      "article", "body", "content", "entry",      "story",    "post",
      "text",    "main", "blog",    "standfirst", "summary",  "lead",
      "intro",   "dek",  "deck",    "excerpt",    "subtitle", "abstract"};
  const std::string lower = Lower(names);
  for (const std::string_view part : kParts) {
    if (Contains(lower, part)) return true;
  }
  return false;
}

// A standfirst: the summary printed under the headline.
bool IsStandfirstName(std::string_view names) {
  static constexpr std::string_view kParts[] = {"standfirst", "summary",  "lead",
                                                "intro",      "subtitle", "excerpt",
                                                "dek",        "deck",     "description"};
  const std::string lower = Lower(names);
  for (const std::string_view part : kParts) {
    if (Contains(lower, part)) return true;
  }
  return false;
}

// Never text: scripts, styles, controls, embedded objects, hidden elements.
bool IsHardFurniture(const GumboNode* n) {
  switch (n->v.element.tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_META:
    case GUMBO_TAG_LINK:
      return true;
    default:
      break;
  }
  if (gumbo_get_attribute(&n->v.element.attributes, "hidden") != nullptr) return true;
  return Lower(Attr(n, "aria-hidden")) == "true";
}

// Page furniture by its tag or its name; the caller keeps it when it holds most of the text
// around it (a page-wide <form>, a <main class="js-social-anchor-start">).
bool IsSoftFurniture(const GumboNode* n) {
  switch (n->v.element.tag) {
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_H1:
      return true;
    default:
      break;
  }
  const std::string_view role = Attr(n, "role");
  if (role == "navigation" || role == "complementary" || role == "contentinfo") return true;
  const std::string_view cls = Attr(n, "class");
  if (IsStandfirstName(cls)) return false;
  return IsBoilerplateName(cls) || IsBoilerplateName(Attr(n, "id"));
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
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_NAV:
      return true;
    default:
      return false;
  }
}

// What the content scorer knows of an element: its text (in characters, without white
// space), the part of it inside links, its commas, and whether it holds blocks.
struct Stats {
  size_t text = 0;
  size_t link = 0;
  size_t commas = 0;
  size_t direct = 0;  // text of its own text children
  bool has_block = false;
  double LinkDensity() const { return text == 0 ? 0 : static_cast<double>(link) / text; }
};

using StatsMap = std::unordered_map<const GumboNode*, Stats>;

void CountText(std::string_view text, Stats* s) {
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == ',') ++s->commas;
    if (c == 0xEF && i + 2 < text.size() && text.substr(i, 3) == "，") ++s->commas;
    if (c > ' ' && (c & 0xC0) != 0x80) ++s->text;
  }
}

const Stats& Measure(const GumboNode* n, StatsMap* map, int depth) {
  Stats& s = (*map)[n];
  if (depth > kMaxDepth || IsHardFurniture(n)) return s;
  const GumboVector& children = n->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA) {
      const size_t before = s.text;
      CountText(child->v.text.text, &s);
      s.direct += s.text - before;
    } else if (IsElement(child)) {
      const Stats c = Measure(child, map, depth + 1);
      Stats& self = (*map)[n];  // the map may have grown
      self.text += c.text;
      self.link += IsTag(child, GUMBO_TAG_A) ? c.text : c.link;
      self.commas += c.commas;
      if (IsBlock(child->v.element.tag) || c.has_block) self.has_block = true;
    }
  }
  return (*map)[n];
}

struct TextMode {
  bool preformatted = false;  // inside <pre>: keep white space
  bool skip_furniture = false;
  size_t block_text = 0;  // text of the block being read: furniture holding half is kept
  const StatsMap* stats = nullptr;
};

// What was measured of `n`; nothing for an element outside the measured tree (above
// <body>, or inside furniture that was not measured).
const Stats& StatsOf(const StatsMap& stats, const GumboNode* n) {
  static const Stats kNone;
  const auto it = stats.find(n);
  return it == stats.end() ? kNone : it->second;
}

// "Read more: ...", "See also", "Читайте также": a pointer to another article.
bool IsPointerLine(const GumboNode* n);

// Whether `n`, inside the article's block, is furniture to leave out of the body.
bool IsFurnitureInBlock(const GumboNode* n, const TextMode& mode) {
  if (IsHardFurniture(n)) return true;
  if (mode.stats == nullptr) return IsSoftFurniture(n);
  const auto it = mode.stats->find(n);
  if (it == mode.stats->end()) return IsSoftFurniture(n);
  const Stats& s = it->second;
  if (s.text * 2 > mode.block_text) return false;  // most of the text
  if (IsSoftFurniture(n)) return true;
  const GumboTag tag = n->v.element.tag;
  const bool listish = tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL || tag == GUMBO_TAG_DL ||
                       tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_SECTION || tag == GUMBO_TAG_TABLE ||
                       tag == GUMBO_TAG_P || tag == GUMBO_TAG_LI;
  if (listish && s.text > 0 && s.commas < 10 && s.LinkDensity() > 0.5) return true;
  if ((tag == GUMBO_TAG_P || tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_LI || tag == GUMBO_TAG_H2 ||
       tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_STRONG) &&
      s.text < 200 && IsPointerLine(n)) {
    return true;
  }
  return false;
}

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
  if (!IsElement(n) || (mode.skip_furniture && IsFurnitureInBlock(n, mode))) return;
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

bool IsPointerLine(const GumboNode* n) {
  static constexpr std::string_view kStarts[] = {
      "read more", "see also",       "related:",        "also read",      "read also",
      "more:",     "читайте также",  "читайте",         "смотрите также", "также читайте",
      "оқыңыз",    "lesen sie",      "mehr zum thema",  "lee también",    "lea también",
      "leer más",  "lire aussi",     "à lire aussi",    "читайте також",  "дивіться також",
      "sign up",   "subscribe",      "follow us",       "get the",        "download the",
      "siguenos",  "síguenos",       "explore further", "Читайте",        "Смотрите также",
      "Оқыңыз",    "Дивіться також", "ЧИТАЙТЕ"};
  std::string text = Lower(OneLineText(n));
  const size_t start = text.find_first_not_of(" \t\n\xC2\xA0");
  if (start == std::string::npos) return false;
  const std::string_view t = std::string_view(text).substr(start);
  for (const std::string_view s : kStarts) {
    if (t.starts_with(s)) return true;
  }
  return false;
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

// The first element under `n` (in document order) for which pred holds, or nullptr;
// subtrees for which skip holds are not searched.
template <typename Pred, typename Skip>
const GumboNode* FindFirst(const GumboNode* n, const Pred& pred, const Skip& skip, int depth = 0) {
  if (depth > kMaxDepth || !IsElement(n)) return nullptr;
  if (depth > 0 && skip(n)) return nullptr;
  if (pred(n)) return n;
  const GumboVector& children = n->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (const GumboNode* found = FindFirst(child, pred, skip, depth + 1)) return found;
  }
  return nullptr;
}

template <typename Pred>
const GumboNode* FindFirst(const GumboNode* n, const Pred& pred) {
  return FindFirst(n, pred, [](const GumboNode*) { return false; });
}

// ---- Finding the article's block by its content ----

// Scores blocks as Readability does: each paragraph gives points for its length and commas
// to its parent, half to its grandparent and less further up; a block's score is then cut
// by the share of its text inside links, and its tag and names add or take points.
class ContentScorer {
 public:
  ContentScorer(const GumboNode* body, const StatsMap& stats) : body_(body), stats_(stats) {
    body_text_ = StatsOf(body).text;
  }

  // The element holding the article, or nullptr when nothing reads as an article.
  const GumboNode* Best() {
    Walk(body_, 0);
    const GumboNode* best = nullptr;
    double best_score = 0;
    for (const auto& [node, score] : scores_) {
      const double final = score * (1 - StatsOf(node).LinkDensity());
      finals_[node] = final;
      if (final > best_score) {
        best = node;
        best_score = final;
      }
    }
    return best;
  }

  double Final(const GumboNode* n) const {
    const auto it = finals_.find(n);
    return it == finals_.end() ? 0 : it->second;
  }

 private:
  const Stats& StatsOf(const GumboNode* n) const { return steppe::StatsOf(stats_, n); }

  // Navigation, footers, asides and comment threads that hold less than half the page's
  // text are not searched for paragraphs. Other furniture names are not trusted here: real
  // articles sit inside wrappers named "sticky-sidebar-parent" or "author-article".
  bool Skip(const GumboNode* n) const {
    if (IsHardFurniture(n)) return true;
    bool furniture = false;
    switch (n->v.element.tag) {
      case GUMBO_TAG_NAV:
      case GUMBO_TAG_ASIDE:
      case GUMBO_TAG_FOOTER:
      case GUMBO_TAG_HEADER:
        furniture = true;
        break;
      default: {
        const std::string names =
            Lower(std::string(Attr(n, "class")) + " " + std::string(Attr(n, "id")));
        furniture =
            Contains(names, "comment") || Contains(names, "disqus") || Contains(names, "footer");
      }
    }
    return furniture && StatsOf(n).text * 2 < body_text_;
  }

  void Walk(const GumboNode* n, int depth) {
    if (depth > kMaxDepth || !IsElement(n)) return;
    if (depth > 0 && Skip(n)) return;
    const Stats& s = StatsOf(n);
    const GumboTag tag = n->v.element.tag;
    const bool paragraph = tag == GUMBO_TAG_P || tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_TD ||
                           (!s.has_block && (tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_SECTION ||
                                             tag == GUMBO_TAG_ARTICLE)) ||
                           (s.has_block && s.direct >= 100);
    if (paragraph) {
      const size_t length = s.has_block && tag != GUMBO_TAG_P ? s.direct : s.text;
      if (length >= 25) AddParagraph(n, length, s.commas);
    }
    if (paragraph && tag == GUMBO_TAG_P) return;
    const GumboVector& children = n->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      Walk(static_cast<const GumboNode*>(children.data[i]), depth + 1);
    }
  }

  void AddParagraph(const GumboNode* n, size_t length, size_t commas) {
    const double points = 1 + static_cast<double>(commas) + std::min<double>(length / 100, 3);
    if (n == body_) {  // nothing above <body> is a candidate
      Score(n) += points;
      return;
    }
    const GumboNode* a = n->parent;
    for (int level = 0; a != nullptr && IsElement(a) && level < 5; ++level, a = a->parent) {
      const double share = level == 0 ? 1 : level == 1 ? 2 : level * 3;
      Score(a) += points / share;
      if (a == body_) break;
    }
    // A paragraph-like block with its own text is a candidate itself.
    if (!IsTag(n, GUMBO_TAG_P) && !IsTag(n, GUMBO_TAG_TD)) Score(n) += points;
  }

  double& Score(const GumboNode* n) {
    auto [it, added] = scores_.try_emplace(n, 0.0);
    if (added) it->second = InitialScore(n);
    return it->second;
  }

  static double InitialScore(const GumboNode* n) {
    double score = 0;
    switch (n->v.element.tag) {
      case GUMBO_TAG_DIV:
      case GUMBO_TAG_ARTICLE:
        score = 5;
        break;
      case GUMBO_TAG_PRE:
      case GUMBO_TAG_TD:
      case GUMBO_TAG_BLOCKQUOTE:
        score = 3;
        break;
      case GUMBO_TAG_ADDRESS:
      case GUMBO_TAG_OL:
      case GUMBO_TAG_UL:
      case GUMBO_TAG_DL:
      case GUMBO_TAG_DD:
      case GUMBO_TAG_DT:
      case GUMBO_TAG_LI:
        score = -3;
        break;
      case GUMBO_TAG_BODY:
        score = -10;
        break;
      default:
        break;
    }
    const std::string names = std::string(Attr(n, "class")) + " " + std::string(Attr(n, "id"));
    if (IsContentName(names)) score += 25;
    if (IsBoilerplateName(names)) score -= 25;
    if (Contains(Lower(Attr(n, "itemprop")), "articlebody")) score += 50;
    return score;
  }

  const GumboNode* body_;
  const StatsMap& stats_;
  size_t body_text_ = 0;
  std::unordered_map<const GumboNode*, double> scores_;
  std::unordered_map<const GumboNode*, double> finals_;
};

// The element marked itemprop="articleBody" with the most text, when it has some.
const GumboNode* MarkedArticleBody(const GumboNode* body, const StatsMap& stats) {
  const GumboNode* best = nullptr;
  size_t best_text = 0;
  for (const auto& [node, s] : stats) {
    if (node == body || !Contains(Lower(Attr(node, "itemprop")), "articlebody")) continue;
    if (s.text > best_text) {
      best = node;
      best_text = s.text;
    }
  }
  return best_text >= 100 ? best : nullptr;
}

bool IsParagraphLike(const GumboNode* n) {
  return IsTag(n, GUMBO_TAG_P) || IsTag(n, GUMBO_TAG_H2) || IsTag(n, GUMBO_TAG_BLOCKQUOTE);
}

// Which siblings of the best block also hold article text: blocks that score well, the
// standfirst, and paragraphs that read as prose.
bool JoinsTheArticle(const GumboNode* n, const GumboNode* best, const ContentScorer& scorer,
                     const StatsMap& stats) {
  if (n == best) return true;
  if (!IsElement(n) || IsHardFurniture(n) || IsSoftFurniture(n)) return false;
  const auto it = stats.find(n);
  if (it == stats.end() || it->second.text == 0) return false;
  const Stats& s = it->second;
  const double threshold = std::max(10.0, scorer.Final(best) * 0.2);
  if (scorer.Final(n) >= threshold) return true;
  if (IsStandfirstName(Attr(n, "class")) && s.LinkDensity() < 0.25 && s.text >= 25) return true;
  if (!IsParagraphLike(n)) return false;
  if (s.text > 80 && s.LinkDensity() < 0.25) return true;
  if (s.text > 0 && s.link == 0) {
    const std::string text = OneLineText(n);
    return Contains(text, ". ") || (!text.empty() && text.back() == '.');
  }
  return false;
}

// The text of the article: the best block and the siblings that join it, without furniture.
std::string ArticleText(const GumboNode* body, const StatsMap& stats, const GumboNode** best_out) {
  const GumboNode* best = MarkedArticleBody(body, stats);
  ContentScorer scorer(body, stats);
  const GumboNode* scored = scorer.Best();
  if (best == nullptr) best = scored;
  if (best == nullptr) best = body;
  *best_out = best;
  TextBuilder text;
  TextMode mode{.skip_furniture = true, .block_text = StatsOf(stats, best).text, .stats = &stats};
  const GumboNode* parent = best->parent;
  if (best == body || parent == nullptr || !IsElement(parent)) {
    AppendChildren(best, mode, &text, 0);
    return text.text();
  }
  const GumboVector& siblings = parent->v.element.children;
  for (unsigned i = 0; i < siblings.length; ++i) {
    const auto* sibling = static_cast<const GumboNode*>(siblings.data[i]);
    if (!JoinsTheArticle(sibling, best, scorer, stats)) continue;
    text.ParagraphBreak();
    // The block itself is never furniture, whatever its names.
    if (sibling == best) {
      AppendChildren(sibling, mode, &text, 0);
    } else {
      AppendText(sibling, mode, &text, 0);
    }
    text.ParagraphBreak();
  }
  return text.text();
}

bool IsDateName(const GumboNode* n);

// The standfirst: the summary printed just after the headline, before the byline or the
// text, when the block of text leaves it out. Looked for among the headline's next siblings,
// then its parent's.
std::string Standfirst(const GumboNode* h1, const StatsMap& stats) {
  const GumboNode* n = h1;
  for (int level = 0; level < 2 && n != nullptr && IsElement(n->parent); ++level) {
    const GumboVector& siblings = n->parent->v.element.children;
    int seen = 0;
    for (unsigned i = n->index_within_parent + 1; i < siblings.length && seen < 4; ++i) {
      const auto* sibling = static_cast<const GumboNode*>(siblings.data[i]);
      if (!IsElement(sibling) || IsHardFurniture(sibling)) continue;
      ++seen;
      const auto it = stats.find(sibling);
      if (it == stats.end() || it->second.text == 0) continue;
      const Stats& st = it->second;
      if (st.text > 800) return "";  // the text itself: no standfirst before it
      if (IsDateName(sibling) || IsTag(sibling, GUMBO_TAG_FIGURE) || st.text < 40 ||
          st.LinkDensity() > 0.3 || IsBoilerplateName(Attr(sibling, "class"))) {
        continue;
      }
      return OneLineText(sibling);
    }
    n = n->parent;
  }
  return "";
}

// ---- Metadata ----

struct DateCandidate {
  std::string text;
  int line = 0;
  const char* where = "";
  std::string source = "metadata";  // or "dateline"
};

// What the page says about itself, gathered in one walk; the first of each kind wins.
struct Metadata {
  std::string og_title, title, headline, twitter_title;
  std::string canonical, og_url, site_name, publisher, lang;
  std::string json_ld_body;
  DateCandidate meta_date, json_ld_date, itemprop_date, modified_date;
  std::vector<const GumboNode*> h1s;
};

void SetOnce(std::string* field, std::string_view value) {
  if (field->empty()) *field = std::string(value);
}

void SetDateOnce(DateCandidate* date, std::string_view text, const GumboNode* n,
                 const char* where) {
  if (!date->text.empty() || text.empty()) return;
  *date = {std::string(text), static_cast<int>(n->v.element.start_pos.line), where};
}

void ReadMeta(const GumboNode* n, Metadata* m) {
  static constexpr std::string_view kDateNames[] = {"article:published_time",
                                                    "og:article:published_time",
                                                    "article:published",
                                                    "datepublished",
                                                    "pubdate",
                                                    "publishdate",
                                                    "publish-date",
                                                    "publish_date",
                                                    "publication_date",
                                                    "sailthru.date",
                                                    "parsely-pub-date",
                                                    "dc.date.issued",
                                                    "dcterms.issued",
                                                    "dcterms.created",
                                                    "dc.date",
                                                    "date",
                                                    "article.published",
                                                    "published_time",
                                                    "og:published_time",
                                                    "release_date",
                                                    "original-publish-date"};
  static constexpr std::string_view kModifiedNames[] = {"article:modified_time", "og:updated_time",
                                                        "datemodified", "last-modified",
                                                        "dcterms.modified"};
  std::string name = Lower(Attr(n, "property"));
  if (name.empty()) name = Lower(Attr(n, "name"));
  if (name.empty()) name = Lower(Attr(n, "itemprop"));
  const std::string_view content = Attr(n, "content");
  if (name == "og:title") SetOnce(&m->og_title, content);
  if (name == "twitter:title") SetOnce(&m->twitter_title, content);
  if (name == "og:url") SetOnce(&m->og_url, content);
  if (name == "og:site_name") SetOnce(&m->site_name, content);
  if (std::find(std::begin(kDateNames), std::end(kDateNames), name) != std::end(kDateNames)) {
    SetDateOnce(&m->meta_date, content, n, "<meta>");
  }
  if (std::find(std::begin(kModifiedNames), std::end(kModifiedNames), name) !=
      std::end(kModifiedNames)) {
    SetDateOnce(&m->modified_date, content, n, "<meta> (modified)");
  }
}

bool IsArticleType(const JsonValue& v) {
  const JsonValue* type = v.type == JsonValue::Type::kObject ? v.Find("@type") : nullptr;
  if (type == nullptr) return false;
  const auto named = [](const JsonValue& t) {
    return t.type == JsonValue::Type::kString &&
           (Contains(t.text, "Article") || Contains(t.text, "Posting") ||
            Contains(t.text, "Report"));
  };
  if (named(*type)) return true;
  if (type->type != JsonValue::Type::kArray) return false;
  return std::any_of(type->array.begin(), type->array.end(), named);
}

// The objects in a JSON-LD block: itself, its "@graph" or its array, to a few levels.
void JsonLdObjects(const JsonValue& v, std::vector<const JsonValue*>* out, int depth = 0) {
  if (v.type == JsonValue::Type::kObject) out->push_back(&v);
  const JsonValue* list = v.type == JsonValue::Type::kObject ? v.Find("@graph") : &v;
  if (depth > 2 || list == nullptr || list->type != JsonValue::Type::kArray) return;
  for (const JsonValue& item : list->array) JsonLdObjects(item, out, depth + 1);
}

std::string JsonLdText(const JsonValue* v) {
  if (v == nullptr) return "";
  if (v->type == JsonValue::Type::kString) return v->text;
  if (v->type == JsonValue::Type::kArray && !v->array.empty()) return JsonLdText(&v->array[0]);
  const JsonValue* name = v->type == JsonValue::Type::kObject ? v->Find("name") : nullptr;
  return name != nullptr && name->type == JsonValue::Type::kString ? name->text : "";
}

// The string value of the first `key` in text that may not parse as JSON, or "".
std::string RawJsonString(std::string_view text, std::string_view key) {
  size_t pos = text.find(key);
  if (pos == std::string_view::npos) return "";
  pos += key.size();
  while (pos < text.size() && (text[pos] == ' ' || text[pos] == ':' || text[pos] == '\n')) ++pos;
  if (pos >= text.size() || text[pos] != '"') return "";
  const size_t end = text.find('"', pos + 1);
  if (end == std::string_view::npos || end - pos > 64) return "";
  return std::string(text.substr(pos + 1, end - pos - 1));
}

// Structured data is the publisher's, not the user's, so a block that does not parse is
// passed over silently: the other sources of each field remain. An article's own object
// comes before others (a video's, a web page's).
void ReadJsonLd(const GumboNode* script, Metadata* m) {
  JsonValue ld;
  const std::string raw = RawText(script);
  if (!ParseJson(raw, &ld).ok()) {
    // Publishers' JSON is often broken (a stray quote, a trailing comma): read the one field
    // that matters most as written.
    SetDateOnce(&m->json_ld_date, RawJsonString(raw, "\"datePublished\""), script, "JSON-LD");
    return;
  }
  std::vector<const JsonValue*> objects;
  JsonLdObjects(ld, &objects);
  std::stable_partition(objects.begin(), objects.end(),
                        [](const JsonValue* o) { return IsArticleType(*o); });
  for (const JsonValue* o : objects) {
    SetDateOnce(&m->json_ld_date, JsonLdText(o->Find("datePublished")), script, "JSON-LD");
    SetDateOnce(&m->modified_date, JsonLdText(o->Find("dateModified")), script,
                "JSON-LD (modified)");
    SetOnce(&m->headline, JsonLdText(o->Find("headline")));
    SetOnce(&m->publisher, JsonLdText(o->Find("publisher")));
    SetOnce(&m->json_ld_body, JsonLdText(o->Find("articleBody")));
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
      m->h1s.push_back(n);
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
  // An element marked itemprop="datePublished" in the page (a <time>, a <span>).
  if (Lower(Attr(n, "itemprop")) == "datepublished") {
    std::string_view value = Attr(n, "datetime");
    if (value.empty()) value = Attr(n, "content");
    SetDateOnce(&m->itemprop_date, value, n, "itemprop=datePublished");
  }
  const GumboVector& children = n->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    CollectMetadata(static_cast<const GumboNode*>(children.data[i]), m, depth + 1);
  }
}

// Where a date belongs to something else: a photo, a quotation, an embedded post, a comment,
// a sidebar.
bool IsForeignDatePlace(const GumboNode* n) {
  switch (n->v.element.tag) {
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_IFRAME:
      return true;
    default:
      break;
  }
  const std::string names = Lower(std::string(Attr(n, "class")) + " " + std::string(Attr(n, "id")));
  for (const std::string_view part : {"tweet", "twitter", "instagram", "embed", "comment",
                                      "caption", "related", "sidebar", "promo", "teaser"}) {
    if (Contains(names, part)) return true;
  }
  return false;
}

bool HasForeignAncestor(const GumboNode* n) {
  for (const GumboNode* a = n->parent; a != nullptr && IsElement(a); a = a->parent) {
    if (IsForeignDatePlace(a)) return true;
  }
  return false;
}

// The article's own <time>: the first with a datetime in the nearest <article>, header or
// block around the text, outside photos, quotations, embedded posts, comments and asides.
const GumboNode* ArticleTime(const GumboNode* best, const GumboNode* body) {
  const auto has_datetime = [](const GumboNode* n) {
    return IsTag(n, GUMBO_TAG_TIME) && !Attr(n, "datetime").empty() && !HasForeignAncestor(n);
  };
  // Up from the text's block, a few levels: the byline sits beside the text.
  const GumboNode* scope = best;
  for (int level = 0; level < 4 && scope != nullptr && scope != body && IsElement(scope); ++level) {
    if (const GumboNode* t = FindFirst(scope, has_datetime, IsForeignDatePlace)) return t;
    scope = scope->parent;
  }
  // Then the page's <article>, then anywhere outside furniture.
  const GumboNode* article = FindFirst(
      body, [](const GumboNode* n) { return IsTag(n, GUMBO_TAG_ARTICLE); }, IsForeignDatePlace);
  if (article != nullptr) {
    if (const GumboNode* t = FindFirst(article, has_datetime, IsForeignDatePlace)) return t;
  }
  return FindFirst(body, has_datetime, IsForeignDatePlace);
}

// Whether an element's names say it holds the article's date or byline.
bool IsDateName(const GumboNode* n) {
  const std::string names = Lower(std::string(Attr(n, "class")) + " " + std::string(Attr(n, "id")));
  for (const std::string_view part :
       {"date", "byline", "publish", "posted", "timestamp", "time", "meta", "dateline"}) {
    if (Contains(names, part)) return true;
  }
  return false;
}

// A date the page prints in the article's byline or date line ("April 5, 2018 | 6:00 PM",
// "Published On May 10, 2022"), near the article's text and outside furniture.
DateCandidate PrintedDate(const GumboNode* best, const GumboNode* body) {
  DateCandidate found;
  const auto printed = [&found](const GumboNode* n) {
    if (!IsDateName(n) || HasForeignAncestor(n)) return false;
    const std::string text = OneLineText(n);
    if (text.size() > 300) return false;
    const std::vector<DateMention> dates = FindDateMentions(text);
    if (dates.empty() || dates.front().begin > 60) return false;
    found = {dates.front().date.ToString(), static_cast<int>(n->v.element.start_pos.line),
             "the byline"};
    return true;
  };
  const GumboNode* scope = best;
  for (int level = 0; level < 5 && scope != nullptr && IsElement(scope); ++level) {
    if (FindFirst(scope, printed, IsForeignDatePlace) != nullptr) return found;
    if (scope == body) break;
    scope = scope->parent;
  }
  const GumboNode* article = FindFirst(
      body, [](const GumboNode* n) { return IsTag(n, GUMBO_TAG_ARTICLE); }, IsForeignDatePlace);
  if (article != nullptr && FindFirst(article, printed, IsForeignDatePlace) != nullptr) {
    return found;
  }
  return {};
}

// Takes the first candidate that reads as a date; each one before it that does not is
// reported, saying what was used instead. Returns the one used, or nullptr.
const DateCandidate* ApplyDate(const std::vector<DateCandidate>& candidates,
                               const std::string& path, Article* out,
                               std::vector<Problem>* problems) {
  std::vector<Problem> bad;
  const DateCandidate* used = nullptr;
  for (const DateCandidate& c : candidates) {
    if (c.text.empty()) continue;
    Date date;
    const Status s = ParseMetadataDate(c.text, &date);
    if (!s.ok()) {
      bad.push_back({path, c.line, std::string("date in ") + c.where + ": " + s.message(), ""});
      continue;
    }
    out->date = date;
    out->date_source = c.source;
    used = &c;
    for (Problem& p : bad) p.hint = std::string("ignored; the date in ") + c.where + " was used";
    break;
  }
  for (Problem& p : bad) {
    if (p.hint.empty()) p.hint = "the article is indexed undated";
    problems->push_back(std::move(p));
  }
  return used;
}

int DayNumber(const Date& d) {
  return static_cast<int>(
      std::chrono::sys_days(std::chrono::year_month_day(std::chrono::year(d.year),
                                                        std::chrono::month(d.month),
                                                        std::chrono::day(d.day)))
          .time_since_epoch()
          .count());
}

// A timestamp's day is the day in its zone, which may not be the day the page prints
// ("November 8, 2023 at 5:49 p.m." beside 2023-11-09T01:49Z). When the article's <time> or
// byline gives a day one off a UTC timestamp's, that local day is the publisher's.
void PreferLocalDay(const std::vector<DateCandidate>& local, const std::string& used,
                    Article* out) {
  // A timestamp with another offset is already in the publisher's zone.
  const bool utc = used.size() > 16 &&
                   (used.back() == 'Z' || used.ends_with("+00:00") || used.ends_with("+0000"));
  if (!out->date || out->date->day == 0 || !utc) return;
  for (const DateCandidate& c : local) {
    Date date;
    if (c.text.empty() || !ParseMetadataDate(c.text, &date).ok() || date.day == 0) continue;
    if (std::abs(DayNumber(date) - DayNumber(*out->date)) == 1) {
      out->date = date;
      return;
    }
  }
}

// ---- Titles ----

std::string FirstNonEmpty(std::initializer_list<const std::string*> values) {
  for (const std::string* v : values) {
    if (!v->empty()) return *v;
  }
  return "";
}

std::string FoldTitle(std::string_view s) {
  std::string out;
  bool space = false;
  for (const char c : Lower(s)) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '"' || c == '\'') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

// The title without site and author suffixes: "Headline - BBC News", "Headline | Author",
// "Headline_科技_腾讯网", "Headline | DW | 19.01.2020".
std::string StripTitleSuffix(std::string title, const std::string& site) {
  static constexpr std::string_view kSeparators[] = {
      " | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » ", "_", " — "};
  for (int round = 0; round < 3; ++round) {
    size_t best = std::string::npos;
    std::string_view sep_used;
    for (const std::string_view sep : kSeparators) {
      const size_t at = title.rfind(sep);
      if (at != std::string::npos && at > 0 && (best == std::string::npos || at > best)) {
        best = at;
        sep_used = sep;
      }
    }
    if (best == std::string::npos) break;
    const std::string tail = title.substr(best + sep_used.size());
    const std::string head = title.substr(0, best);
    const std::string ftail = FoldTitle(tail);
    const bool site_like = !site.empty() && !ftail.empty() &&
                           (Contains(FoldTitle(site), ftail) || Contains(ftail, FoldTitle(site)));
    size_t words = 1;
    for (const char c : tail) words += c == ' ';
    const bool short_tail = words <= 4 && tail.size() <= 40;
    const bool pipe = sep_used == " | " || sep_used == "_" || sep_used == " :: ";
    bool capitalised = true;
    for (size_t i = 0; i < tail.size(); ++i) {
      if ((i == 0 || tail[i - 1] == ' ') && tail[i] >= 'a' && tail[i] <= 'z' &&
          tail.compare(i, 3, "of ") != 0) {
        capitalised = false;
      }
    }
    if (head.size() < 12 || !(site_like || (short_tail && (pipe || capitalised)))) break;
    title = head;
  }
  return title;
}

// Whether `n` lies inside `block` or one of its `levels` nearest ancestors.
bool IsNear(const GumboNode* n, const GumboNode* block, int levels) {
  const GumboNode* scope = block;
  for (int i = 0; i < levels && scope->parent != nullptr && IsElement(scope->parent); ++i) {
    scope = scope->parent;
  }
  for (const GumboNode* a = n; a != nullptr; a = a->parent) {
    if (a == scope) return true;
  }
  return false;
}

// The text of a headline element, without a kicker printed in it: "Open Progress" in
// <h1><span class="subheadline">Open Progress</span><span class="headline">Why…</span></h1>.
std::string HeadlineText(const GumboNode* h1) {
  const GumboNode* inner = FindFirst(h1, [h1](const GumboNode* n) {
    if (n == h1) return false;
    const std::vector<std::string> words = NameWords(Attr(n, "class"));
    return Lower(Attr(n, "itemprop")) == "headline" ||
           std::find(words.begin(), words.end(), "headline") != words.end();
  });
  return CleanText(OneLineText(inner != nullptr ? inner : h1));
}

// The headline: the <h1> of the article when the page's titles agree with it or it stands
// at the article; else og:title, <title> or the JSON-LD headline, without the site's suffix.
std::string ChooseTitle(const Metadata& m, const GumboNode* best) {
  const std::string site = FirstNonEmpty({&m.site_name, &m.publisher});
  std::vector<std::string> titles;
  for (const std::string* t : {&m.og_title, &m.headline, &m.twitter_title, &m.title}) {
    if (!t->empty()) titles.push_back(CleanText(*t));
  }
  // A title that another one continues was cut short (an unescaped quote in og:title).
  for (std::string& t : titles) {
    const std::string ft = FoldTitle(t);
    for (const std::string& longer : titles) {
      const std::string fl = FoldTitle(longer);
      if (ft.size() >= 8 && fl.size() > ft.size() + 1 && fl.starts_with(ft) &&
          std::isalnum(static_cast<unsigned char>(fl[ft.size() + 1]))) {
        t = StripTitleSuffix(longer, site);
        break;
      }
    }
  }
  std::string h1;
  for (const GumboNode* n : m.h1s) {
    std::string text = HeadlineText(n);
    if (text.size() < 8 || (!site.empty() && FoldTitle(text) == FoldTitle(site))) continue;
    const std::string fh1 = FoldTitle(text);
    for (const std::string& t : titles) {
      const std::string ft = FoldTitle(t);
      if (ft.starts_with(fh1) || (fh1.starts_with(ft) && ft.size() >= 8)) return text;
    }
    // An <h1> near the article (within a few levels above its block) is its headline.
    if (h1.empty() && std::count(text.begin(), text.end(), ' ') >= 3 && IsNear(n, best, 4)) {
      h1 = text;
    }
  }
  if (titles.empty()) {
    if (!h1.empty() || m.h1s.empty()) return h1;
    return CleanText(OneLineText(m.h1s.front()));
  }
  for (const std::string& t : titles) {
    std::string stripped = StripTitleSuffix(t, site);
    if (!h1.empty() && FoldTitle(stripped) != FoldTitle(h1)) return h1;
    return stripped;
  }
  return h1;
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

void ReadHtml(std::string_view html, const std::string& path, Article* out,
              std::vector<Problem>* problems) {
  // Markup that no real page has would make gumbo slow or crash (see MarkupScanner): the
  // excess is dropped before gumbo sees the page.
  MarkupLimit limit;
  const std::string page = LimitMarkup(html, kMaxOpen, kMaxAttributes, &limit);
  if (limit.end != std::string_view::npos) {
    problems->push_back(
        {path, limit.line, limit.why, "check that the file is a real page; the rest was read"});
  }
  GumboOptions options = kGumboDefaultOptions;
  // Steppe reads no parse errors, and gumbo copies the whole stack of open elements into
  // each: 100,000 unclosed <div>s took 19 GB.
  options.max_errors = 0;
  const std::unique_ptr<GumboOutput, GumboDeleter> doc(
      gumbo_parse_with_options(&options, page.data(), page.size()));
  Metadata m;
  CollectMetadata(doc->root, &m, 0);
  const GumboNode* body =
      FindFirst(doc->root, [](const GumboNode* n) { return IsTag(n, GUMBO_TAG_BODY); });
  if (body == nullptr) body = doc->root;
  StatsMap stats;
  Measure(body, &stats, 0);
  const GumboNode* best = body;
  std::string text = CleanText(ValidUtf8(ArticleText(body, stats, &best)));
  // Structured data's copy of the text, when the page's markup gave much less of it.
  const std::string ld_body = CleanText(ValidUtf8(m.json_ld_body));
  if (ld_body.size() >= 200 && !Contains(ld_body, "<") && text.size() * 2 < ld_body.size()) {
    text = ld_body;
  }
  out->title = CleanText(ValidUtf8(ChooseTitle(m, best)));
  for (const GumboNode* h1 : m.h1s) {
    if (FoldTitle(HeadlineText(h1)) != FoldTitle(out->title)) continue;
    const std::string standfirst = CleanText(ValidUtf8(Standfirst(h1, stats)));
    if (!standfirst.empty() && !Contains(text, standfirst)) text = standfirst + "\n\n" + text;
    break;
  }
  out->body = std::move(text);
  out->url = ValidUtf8(FirstNonEmpty({&m.canonical, &m.og_url}));
  out->source = CleanText(ValidUtf8(FirstNonEmpty({&m.site_name, &m.publisher})));
  out->lang = LanguageCode(m.lang);

  // Publication first, from the most deliberate source; a modified date only when the page
  // gives nothing else.
  DateCandidate time;
  if (const GumboNode* t = ArticleTime(best, body)) {
    time = {std::string(Attr(t, "datetime")), static_cast<int>(t->v.element.start_pos.line),
            "<time>"};
  }
  DateCandidate dateline;
  if (const std::optional<Date> d = FindDateline(out->body)) {
    dateline = {d->ToString(), 0, "dateline", "dateline"};
  }
  const DateCandidate printed = PrintedDate(best, body);
  std::vector<DateCandidate> candidates = {m.json_ld_date, m.meta_date, m.itemprop_date, time,
                                           printed,        dateline,    m.modified_date};
  const bool has_other = std::any_of(candidates.begin(), candidates.end() - 1,
                                     [](const DateCandidate& c) { return !c.text.empty(); });
  if (has_other) candidates.back() = {};
  if (const DateCandidate* used = ApplyDate(candidates, path, out, problems);
      used != nullptr && used->source == "metadata") {
    // A <time>'s datetime without a zone is local; else the day its text prints.
    DateCandidate time_text = time;
    if (const GumboNode* t = ArticleTime(best, body)) {
      const std::vector<DateMention> dates = FindDateMentions(OneLineText(t));
      time_text.text = dates.empty() ? "" : dates.front().date.ToString();
    }
    const std::string& t = time.text;
    const bool time_local = t.size() > 10 && t.back() != 'Z' &&
                            t.find('+', 10) == std::string::npos &&
                            t.find('-', 10) == std::string::npos;
    PreferLocalDay({time_local ? time : time_text, printed}, used->text, out);
  }
}

}  // namespace steppe
