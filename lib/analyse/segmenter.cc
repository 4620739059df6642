// SPDX-License-Identifier: Apache-2.0
#include "analyse/segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <stdexcept>
#include <string>

namespace steppe {

Segmenter::Segmenter() {
  UErrorCode status = U_ZERO_ERROR;
  words_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status) || !words_) {
    throw std::runtime_error(std::string("ICU word segmentation unavailable: ") +
                             u_errorName(status));
  }
}

Segmenter::~Segmenter() = default;

void Segmenter::ForEachWord(std::string_view text,
                            const std::function<void(size_t, size_t, WordKind)>& fn) {
  UErrorCode status = U_ZERO_ERROR;
  // A UTF-8 UText makes the iterator's boundaries byte offsets into `text`: no UTF-16 copy.
  UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  words_->setText(utext, status);
  if (U_FAILURE(status)) {
    utext_close(utext);
    return;
  }
  int32_t start = words_->first();
  for (int32_t end = words_->next(); end != icu::BreakIterator::DONE;
       start = end, end = words_->next()) {
    const int32_t rule = words_->getRuleStatus();
    if (rule >= UBRK_WORD_NUMBER && rule < UBRK_WORD_NUMBER_LIMIT) {
      fn(start, end, WordKind::kNumber);
    } else if (rule >= UBRK_WORD_LETTER && rule < UBRK_WORD_IDEO_LIMIT) {
      fn(start, end, WordKind::kWord);
    }
  }
  utext_close(utext);
}

}  // namespace steppe
