#include "coder/event_date.h"

#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace khaldun::coder {
namespace {

// A parsed sentence from "form/head/deprel" triples (head 1-based, 0 = root), with an optional
// fourth field for the UPOS. Token::raw points into the forms joined by spaces, returned in
// `text`.
struct Parsed {
  std::vector<Token> tokens;
  std::string text;
};

Parsed parse(const std::vector<std::string>& triples) {
  Parsed p;
  for (const std::string& triple : triples) {
    std::vector<std::string> f;
    std::istringstream in(triple);
    for (std::string part; std::getline(in, part, '/');) f.push_back(part);
    EXPECT_GE(f.size(), 3u) << triple;
    f.resize(4);
    Token t;
    t.form = f[0];
    t.head = std::stoi(f[1]);
    t.deprel = f[2];
    t.upos = f[3];
    if (!p.text.empty()) p.text += ' ';
    t.raw = Span{static_cast<uint32_t>(p.text.size()),
                 static_cast<uint32_t>(p.text.size() + t.form.size())};
    p.text += t.form;
    p.tokens.push_back(t);
  }
  return p;
}

Date day(int y, int m, int d) { return Date{y, m, d}; }

// The seed article's publication date, a Wednesday.
const Date kDoc = day(2023, 3, 29);

// The date of the event on token `predicate` (0-based) of a sentence.
EventDate date_of(const std::vector<std::string>& triples, size_t predicate, Date doc = kDoc) {
  return resolve_event_date(parse(triples).tokens, predicate, doc);
}

TEST(EventDate, DocumentDateIsAWednesday) { ASSERT_EQ(kDoc.weekday(), 2); }

TEST(EventDate, SeedMeetingOnWednesday) {
  // "Lavrov met Amir-Abdollahian in Moscow on Wednesday."
  const Parsed p = parse({"Lavrov/2/nsubj", "met/0/root", "Amir-Abdollahian/2/obj", "in/5/case",
                          "Moscow/2/obl", "on/7/case", "Wednesday/2/obl", "./2/punct/PUNCT"});
  const EventDate d = resolve_event_date(p.tokens, 1, kDoc);
  EXPECT_EQ(d.date, day(2023, 3, 29));
  EXPECT_TRUE(d.from_text);
  EXPECT_EQ(d.expression, "on Wednesday");
  EXPECT_EQ(p.text.substr(d.raw.begin, d.raw.end - d.raw.begin), "on Wednesday");
}

TEST(EventDate, SeedStatementOnTuesday) {
  const EventDate d =
      date_of({"Zakharova/2/nsubj", "said/0/root", "on/4/case", "Tuesday/2/obl"}, 1);
  EXPECT_EQ(d.date, day(2023, 3, 28));
  EXPECT_TRUE(d.from_text);
}

TEST(EventDate, SeedInJuly2022) {
  // "In July 2022, Peskov said ..."
  const Parsed p = parse({"In/2/case", "July/6/obl", "2022/2/nummod/NUM", ",/2/punct/PUNCT",
                          "Peskov/6/nsubj", "said/0/root"});
  const EventDate d = resolve_event_date(p.tokens, 5, kDoc);
  EXPECT_EQ(d.date, day(2022, 7, 1));
  EXPECT_EQ(d.expression, "In July 2022");  // the comma is not part of it
}

TEST(EventDate, NoExpressionGivesTheDocumentDate) {
  const EventDate d =
      date_of({"Iran/2/nsubj", "met/0/root", "Russia/2/obj", "in/5/case", "Moscow/2/obl"}, 1);
  EXPECT_EQ(d.date, kDoc);
  EXPECT_FALSE(d.from_text);
  EXPECT_TRUE(d.expression.empty());
}

TEST(EventDate, Weekdays) {
  // A bare temporal modifier, v2 and v1 labels.
  EXPECT_EQ(date_of({"met/0/root", "Monday/1/obl:tmod"}, 0).date, day(2023, 3, 27));
  EXPECT_EQ(date_of({"met/0/root", "Thursday/1/nmod:tmod"}, 0).date, day(2023, 3, 23));
  EXPECT_EQ(date_of({"met/0/root", "Sunday/1/obl:npmod"}, 0).date, day(2023, 3, 26));
  // "on Wednesday night": the night heads the phrase in some parses, the day in others.
  EXPECT_EQ(date_of({"met/0/root", "on/4/case", "Tuesday/4/compound", "night/1/obl"}, 0).date,
            day(2023, 3, 28));
  EXPECT_EQ(date_of({"met/0/root", "on/3/case", "Tuesday/1/obl", "night/3/nmod:tmod"}, 0).date,
            day(2023, 3, 28));
  // "last Wednesday" follows the same rule.
  EXPECT_EQ(date_of({"met/0/root", "last/3/amod", "Wednesday/1/obl:tmod"}, 0).date, kDoc);
  EXPECT_EQ(date_of({"met/0/root", "last/3/amod", "Friday/1/obl:tmod"}, 0).date, day(2023, 3, 24));
  // "next Friday" looks forward.
  EXPECT_EQ(date_of({"meet/0/root", "next/3/amod", "Friday/1/obl:tmod"}, 0).date, day(2023, 3, 31));
}

TEST(EventDate, RelativeDays) {
  EXPECT_EQ(date_of({"met/0/root", "yesterday/1/advmod"}, 0).date, day(2023, 3, 28));
  EXPECT_EQ(date_of({"met/0/root", "yesterday/1/obl:tmod"}, 0).date, day(2023, 3, 28));
  const EventDate today = date_of({"meets/0/root", "today/1/obl:tmod"}, 0);
  EXPECT_EQ(today.date, kDoc);
  EXPECT_TRUE(today.from_text);
  EXPECT_EQ(date_of({"speaks/0/root", "tonight/1/advmod"}, 0).date, kDoc);
  // Across a month and a year boundary.
  EXPECT_EQ(date_of({"met/0/root", "yesterday/1/advmod"}, 0, day(2023, 1, 1)).date,
            day(2022, 12, 31));
}

TEST(EventDate, LastWeekMonthYear) {
  EXPECT_EQ(date_of({"met/0/root", "last/3/amod", "week/1/obl:tmod"}, 0).date, day(2023, 3, 22));
  EXPECT_EQ(date_of({"met/0/root", "last/3/amod", "month/1/obl:tmod"}, 0).date, day(2023, 2, 1));
  EXPECT_EQ(date_of({"met/0/root", "last/3/amod", "month/1/obl:tmod"}, 0, day(2023, 1, 15)).date,
            day(2022, 12, 1));
  EXPECT_EQ(date_of({"met/0/root", "last/3/amod", "year/1/obl:tmod"}, 0).date, day(2022, 1, 1));
}

TEST(EventDate, MonthAndDay) {
  EXPECT_EQ(date_of({"met/0/root", "on/3/case", "March/1/obl", "29/3/nummod/NUM"}, 0).date,
            day(2023, 3, 29));
  EXPECT_EQ(date_of({"met/0/root", "March/1/obl:tmod", "28/2/nummod/NUM"}, 0).date,
            day(2023, 3, 28));
  EXPECT_EQ(date_of({"met/0/root", "on/4/case", "29/4/nummod/NUM", "March/1/obl"}, 0).date,
            day(2023, 3, 29));
  // After the document date: the year before.
  EXPECT_EQ(date_of({"met/0/root", "on/3/case", "March/1/obl", "30/3/nummod/NUM"}, 0).date,
            day(2022, 3, 30));
  // With a year: that day.
  const EventDate full = date_of({"met/0/root", "on/3/case", "March/1/obl", "29/3/nummod/NUM",
                                  ",/3/punct/PUNCT", "2021/3/nummod/NUM"},
                                 0);
  EXPECT_EQ(full.date, day(2021, 3, 29));
  EXPECT_EQ(full.expression, "on March 29 , 2021");
  EXPECT_EQ(date_of({"met/0/root", "Jan./1/obl:tmod", "5th/2/nummod"}, 0).date, day(2023, 1, 5));
}

TEST(EventDate, FebruaryTwentyNinth) {
  EXPECT_EQ(
      date_of({"met/0/root", "on/3/case", "February/1/obl", "29/3/nummod"}, 0, day(2024, 3, 1))
          .date,
      day(2024, 2, 29));
  // Not a day of 2025: the most recent one.
  EXPECT_EQ(
      date_of({"met/0/root", "on/3/case", "February/1/obl", "29/3/nummod"}, 0, day(2025, 3, 1))
          .date,
      day(2024, 2, 29));
  // No such day at all: not a date.
  EXPECT_FALSE(date_of({"met/0/root", "on/3/case", "February/1/obl", "30/3/nummod"}, 0).from_text);
}

TEST(EventDate, MonthsAndYears) {
  EXPECT_EQ(date_of({"met/0/root", "in/3/case", "July/1/obl", "2022/3/nummod"}, 0).date,
            day(2022, 7, 1));
  EXPECT_EQ(date_of({"met/0/root", "in/3/case", "July/1/obl"}, 0).date, day(2022, 7, 1));
  EXPECT_EQ(date_of({"met/0/root", "in/3/case", "March/1/obl"}, 0).date, day(2023, 3, 1));
  EXPECT_EQ(date_of({"met/0/root", "in/3/case", "January/1/obl"}, 0).date, day(2023, 1, 1));
  EXPECT_EQ(date_of({"met/0/root", "in/3/case", "2018/1/obl/NUM"}, 0).date, day(2018, 1, 1));
  EXPECT_EQ(date_of({"met/0/root", "during/3/case", "2019/1/obl/NUM"}, 0).date, day(2019, 1, 1));
}

TEST(EventDate, PrepositionsThatNameAnotherTime) {
  EXPECT_FALSE(date_of({"stay/0/root", "until/3/case", "Friday/1/obl"}, 0).from_text);
  EXPECT_FALSE(date_of({"fought/0/root", "since/3/case", "2018/1/obl"}, 0).from_text);
  EXPECT_FALSE(
      date_of({"withdraw/0/root", "by/3/case", "March/1/obl", "31/3/nummod"}, 0).from_text);
  // ...but a later oblique can still date the event.
  EXPECT_EQ(
      date_of({"said/0/root", "until/3/case", "Friday/1/obl", "on/5/case", "Monday/1/obl"}, 0).date,
      day(2023, 3, 27));
}

TEST(EventDate, OnlyThePredicatesOwnModifiers) {
  // "Iran said on Tuesday that Russia attacked": the attack (token 5) is not dated by "on
  // Tuesday", which belongs to "said".
  const std::vector<std::string> s = {"Iran/2/nsubj",  "said/0/root",    "on/4/case",
                                      "Tuesday/2/obl", "Russia/6/nsubj", "attacked/2/ccomp"};
  EXPECT_EQ(date_of(s, 1).date, day(2023, 3, 28));
  EXPECT_FALSE(date_of(s, 5).from_text);
  // A date inside a relative clause of an oblique is not the oblique's.
  EXPECT_FALSE(date_of({"met/0/root", "in/3/case", "Moscow/1/obl", "visited/3/acl:relcl",
                        "on/6/case", "Tuesday/4/obl"},
                       0)
                   .from_text);
}

TEST(EventDate, ConjunctsAreNotPartOfThePhrase) {
  // "condemned ... on Thursday and Friday" with a v1 parse: the coordinator hangs on the first
  // conjunct, and neither it nor the second conjunct belongs to the expression.
  const EventDate d =
      date_of({"condemned/0/root", "on/3/case", "Thursday/1/obl", "and/5/cc", "Friday/3/conj"}, 0);
  EXPECT_EQ(d.date, day(2023, 3, 23));
  EXPECT_EQ(d.expression, "on Thursday");
}

TEST(EventDate, WordsThatAreNotDates) {
  // Lower-case "march" is a noun; "May" as an auxiliary is not a month.
  EXPECT_FALSE(date_of({"joined/0/root", "the/3/det", "march/1/obj"}, 0).from_text);
  EXPECT_FALSE(date_of({"joined/0/root", "in/4/case", "the/4/det", "march/1/obl"}, 0).from_text);
  EXPECT_FALSE(date_of({"May/2/aux/AUX", "meet/0/root"}, 1).from_text);
  // A number that is no year and no day.
  EXPECT_FALSE(date_of({"met/0/root", "in/3/case", "500/1/obl/NUM"}, 0).from_text);
}

TEST(EventDate, OutOfRangeAndCyclesAreHarmless) {
  EXPECT_EQ(resolve_event_date(std::span<const Token>(), 0, kDoc).date, kDoc);
  EXPECT_FALSE(date_of({"met/0/root"}, 5).from_text);
  // A head pointing outside the sentence, and a cycle (the predicate under its own dependent)
  // in a malformed parse: both terminate.
  EXPECT_FALSE(date_of({"met/0/root", "on/3/case", "Tuesday/9/obl"}, 0).from_text);
  EXPECT_EQ(date_of({"met/3/dep", "on/3/case", "Tuesday/1/obl"}, 0).date, day(2023, 3, 28));
}

}  // namespace
}  // namespace khaldun::coder
