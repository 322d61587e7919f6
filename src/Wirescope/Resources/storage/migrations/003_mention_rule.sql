-- 003_mention_rule.sql: the rule or model that made each mention (ner.model, coref.pron, ...),
-- now that mentions are not only names (nominals and pronouns from in-article coreference).
-- Older rows keep NULL: their record JSON has no mention rules either.
ALTER TABLE mentions ADD COLUMN rule TEXT;
