-- Version 4: a rotated-out refresh token keeps the seed its successor was derived from, so the
-- client's retry within the reuse grace gets the same successor instead of revoking the family.
ALTER TABLE refresh_tokens ADD COLUMN successor_seed TEXT;
