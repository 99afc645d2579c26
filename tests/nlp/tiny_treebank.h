// A small hand-made treebank for the tests that train: enough for every component to learn
// something in a second, and independent of the shared data.
#pragma once

#include <sstream>
#include <string>

#include "io/conllu.h"
#include "nlp/treebank.h"

namespace khaldun::nlp::testing {

// A token with only its form, as the text pipeline hands it over.
inline Token form_token(const std::string& form) {
  Token t;
  t.form = form;
  return t;
}

inline const char* kTinyConllu = R"(# text = Police arrested the protesters.
1	Police	police	NOUN	NNS	Number=Plur	2	nsubj	_	_
2	arrested	arrest	VERB	VBD	Mood=Ind|Tense=Past|VerbForm=Fin	0	root	_	_
3	the	the	DET	DT	Definite=Def|PronType=Art	4	det	_	_
4	protesters	protester	NOUN	NNS	Number=Plur	2	obj	_	SpaceAfter=No
5	.	.	PUNCT	.	_	2	punct	_	_

# text = The army seized the town on Monday.
1	The	the	DET	DT	Definite=Def|PronType=Art	2	det	_	_
2	army	army	NOUN	NN	Number=Sing	3	nsubj	_	_
3	seized	seize	VERB	VBD	Mood=Ind|Tense=Past|VerbForm=Fin	0	root	_	_
4	the	the	DET	DT	Definite=Def|PronType=Art	5	det	_	_
5	town	town	NOUN	NN	Number=Sing	3	obj	_	_
6	on	on	ADP	IN	_	7	case	_	_
7	Monday	Monday	PROPN	NNP	Number=Sing	3	obl	_	SpaceAfter=No
8	.	.	PUNCT	.	_	3	punct	_	_

# text = Iran was accused by the ministers.
1	Iran	Iran	PROPN	NNP	Number=Sing	3	nsubj:pass	_	_
2	was	be	AUX	VBD	Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin	3	aux:pass	_	_
3	accused	accuse	VERB	VBN	Tense=Past|VerbForm=Part|Voice=Pass	0	root	_	_
4	by	by	ADP	IN	_	6	case	_	_
5	the	the	DET	DT	Definite=Def|PronType=Art	6	det	_	_
6	ministers	minister	NOUN	NNS	Number=Plur	3	obl:agent	_	SpaceAfter=No
7	.	.	PUNCT	.	_	3	punct	_	_

# text = The leaders met and held talks.
1	The	the	DET	DT	Definite=Def|PronType=Art	2	det	_	_
2	leaders	leader	NOUN	NNS	Number=Plur	3	nsubj	_	_
3	met	meet	VERB	VBD	Mood=Ind|Tense=Past|VerbForm=Fin	0	root	_	_
4	and	and	CCONJ	CC	_	5	cc	_	_
5	held	hold	VERB	VBD	Mood=Ind|Tense=Past|VerbForm=Fin	3	conj	_	_
6	talks	talk	NOUN	NNS	Number=Plur	5	obj	_	SpaceAfter=No
7	.	.	PUNCT	.	_	3	punct	_	_

# text = Rebels attacked a convoy near the border.
1	Rebels	rebel	NOUN	NNS	Number=Plur	2	nsubj	_	_
2	attacked	attack	VERB	VBD	Mood=Ind|Tense=Past|VerbForm=Fin	0	root	_	_
3	a	a	DET	DT	Definite=Ind|PronType=Art	4	det	_	_
4	convoy	convoy	NOUN	NN	Number=Sing	2	obj	_	_
5	near	near	ADP	IN	_	7	case	_	_
6	the	the	DET	DT	Definite=Def|PronType=Art	7	det	_	_
7	border	border	NOUN	NN	Number=Sing	2	obl	_	SpaceAfter=No
8	.	.	PUNCT	.	_	2	punct	_	_

# text = The government imposed new sanctions.
1	The	the	DET	DT	Definite=Def|PronType=Art	2	det	_	_
2	government	government	NOUN	NN	Number=Sing	3	nsubj	_	_
3	imposed	impose	VERB	VBD	Mood=Ind|Tense=Past|VerbForm=Fin	0	root	_	_
4	new	new	ADJ	JJ	Degree=Pos	5	amod	_	_
5	sanctions	sanction	NOUN	NNS	Number=Plur	3	obj	_	SpaceAfter=No
6	.	.	PUNCT	.	_	3	punct	_	_

# text = Officials said the troops will leave.
1	Officials	official	NOUN	NNS	Number=Plur	2	nsubj	_	_
2	said	say	VERB	VBD	Mood=Ind|Tense=Past|VerbForm=Fin	0	root	_	_
3	the	the	DET	DT	Definite=Def|PronType=Art	4	det	_	_
4	troops	troop	NOUN	NNS	Number=Plur	6	nsubj	_	_
5	will	will	AUX	MD	VerbForm=Fin	6	aux	_	_
6	leave	leave	VERB	VB	VerbForm=Inf	2	ccomp	_	SpaceAfter=No
7	.	.	PUNCT	.	_	2	punct	_	_

# text = China and Russia signed a deal that Japan criticized.
1	China	China	PROPN	NNP	Number=Sing	4	nsubj	_	_
2	and	and	CCONJ	CC	_	3	cc	_	_
3	Russia	Russia	PROPN	NNP	Number=Sing	1	conj	_	_
4	signed	sign	VERB	VBD	Mood=Ind|Tense=Past|VerbForm=Fin	0	root	_	_
5	a	a	DET	DT	Definite=Ind|PronType=Art	6	det	_	_
6	deal	deal	NOUN	NN	Number=Sing	4	obj	_	_
7	that	that	PRON	WDT	PronType=Rel	9	obj	_	_
8	Japan	Japan	PROPN	NNP	Number=Sing	9	nsubj	_	_
9	criticized	criticize	VERB	VBD	Mood=Ind|Tense=Past|VerbForm=Fin	6	acl:relcl	_	SpaceAfter=No
10	.	.	PUNCT	.	_	4	punct	_	_
)";

inline Treebank tiny_treebank() {
  std::istringstream in(kTinyConllu);
  conllu::Reader reader(in, "tiny.conllu");
  Treebank bank;
  while (auto doc = reader.next())
    for (const Sentence& s : doc->sentences) {
      auto tokens = doc->tokens_of(s);
      bank.emplace_back(tokens.begin(), tokens.end());
    }
  return bank;
}

}  // namespace khaldun::nlp::testing
