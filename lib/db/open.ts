import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME, DB_VERSION, type CoderLensDB } from './schema';

let dbPromise: Promise<IDBPDatabase<CoderLensDB>> | undefined;

/** The one connection to the code database (memoised: every caller shares it). */
export function getDb(): Promise<IDBPDatabase<CoderLensDB>> {
  dbPromise ??= openDB<CoderLensDB>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion) {
      // Upgrade ladder: each step moves one version forward, so any old database reaches today's.
      if (oldVersion < 1) {
        db.createObjectStore('releases', { keyPath: 'id' });
        db.createObjectStore('codeBlocks', { keyPath: ['releaseId', 'first'] });
        db.createObjectStore('sections', { keyPath: ['releaseId', 'name'] });
        db.createObjectStore('state', { keyPath: 'key' });
      }
      if (oldVersion < 2) db.createObjectStore('searchIndex', { keyPath: 'key' });
      if (oldVersion < 3) db.createObjectStore('detectorData', { keyPath: 'key' });
    },
    blocking() {
      // A newer version of the extension wants to upgrade: let it, and reconnect on next use.
      void dbPromise?.then((db) => db.close());
      dbPromise = undefined;
    },
  });
  return dbPromise;
}

/** For tests: forget the memoised connection. */
export function resetDbForTests(): void {
  dbPromise = undefined;
}
