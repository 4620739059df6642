// SPDX-License-Identifier: Apache-2.0
#include "read/charset.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace steppe {
namespace {

std::string ReadFixture(const std::string& name) {
  std::ifstream in(std::string(STEPPE_TEST_DATA) + "/read/" + name, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

struct Decoded {
  bool ok = false;
  std::string text;
  std::vector<Problem> problems;
};

Decoded Decode(std::string_view bytes) {
  Decoded d;
  d.ok = DecodeToUtf8(bytes, "f.txt", &d.text, &d.problems);
  return d;
}

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

TEST(CharsetTest, ValidUtf8IsKeptAsItIsWithoutAProblem) {
  const Decoded d = Decode("Жаңаөзен, Zhanaozen\n");
  EXPECT_TRUE(d.ok);
  EXPECT_EQ(d.text, "Жаңаөзен, Zhanaozen\n");
  EXPECT_TRUE(d.problems.empty());
}

TEST(CharsetTest, Utf8ByteOrderMarkIsDroppedSilently) {
  const Decoded d = Decode("\xEF\xBB\xBFTitle\n");
  EXPECT_EQ(d.text, "Title\n");
  EXPECT_TRUE(d.problems.empty());
}

TEST(CharsetTest, Windows1251FileIsDetectedAndReported) {
  const Decoded d = Decode(ReadFixture("ru-windows-1251.md"));
  EXPECT_TRUE(Contains(d.text, "title: Нефтяники Жанаозена требуют повышения зарплаты"));
  EXPECT_TRUE(Contains(d.text, "в Жанаозене третий день не выходят на смену."));
  ASSERT_EQ(d.problems.size(), 1u);
  EXPECT_EQ(d.problems[0].file, "f.txt");
  EXPECT_EQ(d.problems[0].line, 0);
  EXPECT_TRUE(Contains(d.problems[0].reason, "converted from windows-1251"))
      << d.problems[0].reason;
  EXPECT_FALSE(d.problems[0].hint.empty());
}

TEST(CharsetTest, Koi8rFileIsDetectedAndReported) {
  const Decoded d = Decode(ReadFixture("ru-koi8-r.txt"));
  EXPECT_TRUE(d.text.starts_with("Сильный ветер оставил без света несколько сёл Мангистау\n"));
  ASSERT_EQ(d.problems.size(), 1u);
  EXPECT_TRUE(Contains(d.problems[0].reason, "converted from KOI8-R")) << d.problems[0].reason;
}

TEST(CharsetTest, OneShortLineOfCyrillicIsToldApartByLetterCase) {
  const Decoded cp1251 = Decode(
      "\xC7\xE0\xE1\xE0\xF1\xF2\xEE\xE2\xEA\xE0\x20\xEF\xF0\xEE\xE4\xEE\xEB\xE6\xE0\xE5\xF2\xF1"
      "\xFF");
  EXPECT_EQ(cp1251.text, "Забастовка продолжается");
  const Decoded koi8 = Decode(
      "\xFA\xC1\xC2\xC1\xD3\xD4\xCF\xD7\xCB\xC1\x20\xD0\xD2\xCF\xC4\xCF\xCC\xD6\xC1\xC5\xD4\xD3"
      "\xD1");
  EXPECT_EQ(koi8.text, "Забастовка продолжается");
}

TEST(CharsetTest, Utf16LittleEndianWithByteOrderMark) {
  const Decoded d = Decode(ReadFixture("kk-utf-16le-bom.txt"));
  EXPECT_TRUE(d.text.starts_with("Ақтауда жаңа мектеп ашылды\n"));  // no U+FEFF left
  ASSERT_EQ(d.problems.size(), 1u);
  EXPECT_TRUE(Contains(d.problems[0].reason, "converted from UTF-16LE"));
}

TEST(CharsetTest, Utf16BigEndianWithByteOrderMark) {
  const Decoded d = Decode(std::string_view("\xFE\xFF\x04\x1F\x04\x40\x04\x38\x00\x21", 10));
  EXPECT_EQ(d.text, "При!");
}

TEST(CharsetTest, Latin1FileIsConvertedNotMangled) {
  const Decoded d = Decode(ReadFixture("en-latin-1.txt"));
  EXPECT_TRUE(d.text.starts_with("Café owners in Almaty welcome the new façade rules\n"));
  EXPECT_TRUE(Contains(d.text, "naïve hope of a quick résumé"));
  ASSERT_EQ(d.problems.size(), 1u);
  EXPECT_TRUE(Contains(d.problems[0].reason, "converted from ISO-8859-1") ||
              Contains(d.problems[0].reason, "converted from windows-1252"))
      << d.problems[0].reason;
}

TEST(CharsetTest, MostlyUtf8WithAStrayByteIsRepairedAndItsLineNamed) {
  const Decoded d = Decode("Жанаозен, Ақтау\nЖанаозен \xFF город\n");
  EXPECT_EQ(d.text, "Жанаозен, Ақтау\nЖанаозен \uFFFD город\n");
  ASSERT_EQ(d.problems.size(), 1u);
  EXPECT_TRUE(Contains(d.problems[0].reason, "1 invalid UTF-8 byte(s) replaced with U+FFFD"));
  EXPECT_EQ(d.problems[0].line, 2u);
}

TEST(CharsetTest, HtmlMetaCharsetIsHonoured) {
  // KOI8-R bytes that a page declares as such.
  const Decoded d = Decode(
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">"
      "</head><body>\xFA\xE1\xE2\xE1\xF3\xF4\xEF\xF7\xEB\xE1</body></html>");
  EXPECT_TRUE(Contains(d.text, "<body>ЗАБАСТОВКА</body>"));
  ASSERT_EQ(d.problems.size(), 1u);
  EXPECT_TRUE(Contains(d.problems[0].reason, "koi8-r")) << d.problems[0].reason;
  EXPECT_TRUE(Contains(d.problems[0].reason, "<meta charset>"));
}

TEST(CharsetTest, NulBytesWithoutByteOrderMarkMeanABinaryFile) {
  const Decoded d = Decode(std::string_view("\x89PNG\r\n\x1A\n\x00\x00\x00\x0DIHDR", 16));
  EXPECT_FALSE(d.ok);
  EXPECT_TRUE(d.text.empty());
  ASSERT_EQ(d.problems.size(), 1u);
  EXPECT_TRUE(Contains(d.problems[0].reason, "not a text file"));
}

// Compressed or random data need not hold a NUL byte; read as a legacy charset, it would be
// indexed as a page of gibberish.
TEST(CharsetTest, ControlCharactersWithoutNulBytesMeanABinaryFile) {
  std::string noise;
  uint32_t x = 2463534242;
  for (int i = 0; i < 4096; ++i) {
    x ^= x << 13, x ^= x >> 17, x ^= x << 5;  // xorshift32: every byte value but NUL below
    noise += static_cast<char>(x % 255 + 1);
  }
  const Decoded d = Decode(noise);
  EXPECT_FALSE(d.ok);
  EXPECT_TRUE(d.text.empty());
  ASSERT_EQ(d.problems.size(), 1u);
  EXPECT_TRUE(Contains(d.problems[0].reason, "not a text file")) << d.problems[0].reason;
  EXPECT_TRUE(Contains(d.problems[0].reason, "control characters")) << d.problems[0].reason;
}

// A stray escape or vertical tab pasted into an article does not cost the article.
TEST(CharsetTest, AFewStrayControlCharactersKeepATextFile) {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "Zhanaozen oil workers met on the square.\n";
  text += "A stray \x1B[0m escape, a \x0B vertical tab and a \x7F delete.\n";
  const Decoded d = Decode(text);
  EXPECT_TRUE(d.ok);
  EXPECT_EQ(d.text, text);
  EXPECT_TRUE(d.problems.empty());
}

}  // namespace
}  // namespace steppe
