-- The words of family members' names, folded (lower case, accents and vowel marks
-- removed, by resettle_domain::names), one row per word and case, so a name search is a
-- range over an index, answered alike by both databases. Filled from the names after
-- this migration (storage's migrations.rs), kept by every write of members. COLLATE "C"
-- orders by code point, as SQLite does, so a prefix is one range of the index.
CREATE TABLE member_name_words (
    word TEXT COLLATE "C" NOT NULL,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    PRIMARY KEY (word, case_id)
);
CREATE INDEX member_name_words_case ON member_name_words (case_id);
