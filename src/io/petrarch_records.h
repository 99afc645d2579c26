// PETRARCH validation files (PETR.UnitTest.records.*.xml, GigaWord.sample.ptb.xml): sentences
// with their expected events, read so that `khaldun validate` can code each one and compare.
//
// The format, as the files use it:
//   <Validation>
//     <Environment> <Verbfile>..</Verbfile> <Actorfile>..</Actorfile> <Agentfile>..</Agentfile>
//       <Discardfile>..</Discardfile> <Include>DEMO ACTOR ...</Include> ... </Environment>
//     <Sentences>
//       <Sentence source="DEMO" date="19950101" id="DEMO_00" sentence="true">
//         <EventCoding eventcode="050" sourcecode="ARN" targetcode="GON" />   (zero or more)
//         <EventCoding noevents="True" />        or        <EventCoding error="dateline" />
//         <Text> the sentence, hard-wrapped </Text>
//         <Parse> CoNLL-U-like lines (.ud.xml) or a bracketed Penn Treebank tree (.ptb.xml)
//         </Parse>
//       </Sentence> ...
// The .ptb.xml file names the category "category" instead of "source"; a bare <Sentences> root
// without <Environment> (GigaWord.sample.ptb.xml) is accepted too.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"

namespace khaldun::petrarch {

struct ExpectedEvent {
  std::string source, target, code;
  bool operator==(const ExpectedEvent&) const = default;
};

struct Record {
  std::string id;           // id attribute, e.g. DEMO_00
  std::string category;     // the source (or category) attribute, matched against <Include>
  std::string date;         // YYYY-MM-DD (converted from the YYYYMMDD attribute)
  bool is_sentence = true;  // sentence="false" -> false
  std::string text;         // <Text>, whitespace runs (line breaks included) -> one space, trimmed
  std::vector<ExpectedEvent> expected;  // one per <EventCoding eventcode=...>
  bool no_events = false;               // noevents="True" on an EventCoding
  std::string error;     // error="..." on an EventCoding (sentencediscard, dateline, ...), or empty
  std::string ud_parse;  // raw text of <Parse> when it is CoNLL-U-like (the .ud.xml), else empty
  std::string ptb_parse;  // raw text of <Parse> when it is a bracketed tree (the .ptb.xml)
  int line = 0;           // line of the <Sentence> element in the file

  // True when the record expects no event: noevents, or an expected error (a discard, a
  // dateline, a bad parse), or no EventCoding at all.
  bool expects_nothing() const { return expected.empty(); }
};

struct Environment {
  // The dictionary files as named in <Environment>; empty when not named.
  std::string verb_file, actor_file, agent_file, discard_file, issue_file;
  std::vector<std::string> include;  // the categories of <Include>
};

struct RecordFile {
  Environment environment;
  std::vector<Record> records;  // in file order; ids are not unique (AGENTS_18 occurs twice)
  // Sentences that could not be read ("name:line: record ID: message": no id, a bad date, no
  // <Text>, an EventCoding that says nothing, an unknown <Parse> format). They are not in
  // `records`; a validation run should count them as failures.
  std::vector<std::string> errors;
};

// Throws std::runtime_error("path:line: ...") when the file cannot be read or is not
// well-formed XML (or its root is neither <Validation> nor <Sentences>).
RecordFile read_record_file(const std::string& path);
// The same on a file's contents; `name` is used in messages.
RecordFile parse_record_file(std::string_view xml, const std::string& name);

// The Document for a record: id, date, raw = text, meta {"category": ...}. With
// use_supplied_parse and a UD parse, the sentences and tokens come from the parse (read as
// CoNLL-U; Document::raw is then the text rebuilt from the forms, space-separated) with the UD v1
// labels upgraded to v2. Without, the document has no sentences yet (run the text pipeline and
// parser on it); a PTB parse is never used. Throws conllu::ParseError ("record ID (line N):
// <Parse>:K: ...", K counted from the <Parse> tag) when the supplied parse is malformed.
Document to_document(const Record& record, bool use_supplied_parse);

}  // namespace khaldun::petrarch
