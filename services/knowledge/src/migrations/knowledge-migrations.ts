import { platformMigrations } from '@helpdesk/persistence';
import { CreateKnowledge1732370000000 } from './1732370000000-create-knowledge';
import { SearchAtScale1764000000000 } from './1764000000000-search-at-scale';
import { NearDuplicateBands1764008000000 } from './1764008000000-near-duplicate-bands';
import { SearchBuckets1764100000000 } from './1764100000000-search-buckets';
import { IndexingWritePath1764200000000 } from './1764200000000-indexing-write-path';
import { SearchChangeXid1764310000000 } from './1764310000000-search-change-xid';
import { SixteenSignatureBands1764400000000 } from './1764400000000-sixteen-signature-bands';
import { BandsInMemory1764500000000 } from './1764500000000-bands-in-memory';

/** Every migration of the knowledge service, in order. */
export const knowledgeMigrations = [
  ...platformMigrations, CreateKnowledge1732370000000, SearchAtScale1764000000000, NearDuplicateBands1764008000000, SearchBuckets1764100000000,
  IndexingWritePath1764200000000, SearchChangeXid1764310000000, SixteenSignatureBands1764400000000,
  BandsInMemory1764500000000,
];
