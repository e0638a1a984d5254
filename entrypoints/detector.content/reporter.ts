/**
 * Reports the frame's mentions to the background (for the side panel), in parts of at most
 * PAGE_LIMITS.reportPart, each sent in a task of its own (see JSON_NOTE in the protocol). A change
 * during a report starts it over; the background replaces the frame's list with the first part.
 */
import { reportParts } from '../../lib/detect/page-report';
import { PAGE_LIMITS } from '../../lib/detect/page-types';
import { toFrameMention, type LiveMention } from './mentions';

/** Wait after the last change before reporting. */
const REPORT_MS = 400;

export interface Reporter {
  /** Reports the current list soon (changes in quick succession make one report). */
  schedule(): void;
  /** The address of the frame at the last report (a single-page app's navigation changes it). */
  readonly reportedUrl: string;
  stop(): void;
}

export function createReporter(deps: {
  list(): LiveMention[];
  send(part: { frameUrl: string; mentionsJson: string; append: boolean; truncated: boolean }): Promise<unknown>;
  signal: AbortSignal;
}): Reporter {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let again = false;
  let reportedUrl = '';

  async function run(): Promise<void> {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await sendAll();
      } while (again && !deps.signal.aborted);
    } catch (err) {
      console.debug('[Coder Lens] report failed:', err);
    } finally {
      running = false;
    }
  }

  async function sendAll(): Promise<void> {
    const all = deps.list();
    const items = all.slice(0, PAGE_LIMITS.frameMentions);
    const truncated = all.length > items.length;
    reportedUrl = location.href;
    let first = true;
    for (const json of reportParts(items, (part) => JSON.stringify(part.map(toFrameMention)))) {
      if (again || deps.signal.aborted) return; // A newer list: start over.
      await deps.send({ frameUrl: reportedUrl, mentionsJson: json, append: !first, truncated });
      first = false;
      await new Promise((r) => setTimeout(r, 0));
    }
  }

  return {
    schedule() {
      clearTimeout(timer);
      timer = setTimeout(() => void run(), REPORT_MS);
    },
    get reportedUrl() {
      return reportedUrl;
    },
    stop() {
      clearTimeout(timer);
    },
  };
}
