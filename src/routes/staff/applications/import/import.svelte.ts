import { api, type ApiFailure } from '$lib/api';
import type { ImportJobView } from '$lib/shared/application-import';

const POLL_MS = 700;

/**
 * One CSV import as the page holds it: the file is sent once, the server's report comes back at
 * once (the whole file is checked before anything is written), then the registration's progress
 * is read every `POLL_MS` until it is done.
 */
export class CsvImport {
  job = $state.raw<ImportJobView | null>(null);
  failure = $state.raw<ApiFailure | null>(null);
  busy = $state(false);
  #timer: ReturnType<typeof setTimeout> | undefined;

  get progress(): number {
    const job = this.job;
    return job && job.toRegister > 0 ? job.handled / job.toRegister : 1;
  }

  async send(csv: string) {
    this.stop();
    this.busy = true;
    this.failure = null;
    this.job = null;
    const result = await api.post<ImportJobView>('/api/applications/import', { csv });
    this.busy = false;
    if (!result.ok) return void (this.failure = result);
    this.job = result.data;
    if (result.data.state === 'running') this.poll();
  }

  stop() {
    clearTimeout(this.#timer);
  }

  /** Forgets the last import's report (a new file was refused before it was sent). */
  reset() {
    this.stop();
    this.job = null;
    this.failure = null;
  }

  private poll() {
    this.#timer = setTimeout(() => void this.refresh(), POLL_MS);
  }

  /** Reads the job again; polls on while it runs (or while the server cannot be reached). */
  private async refresh() {
    const job = this.job;
    if (!job) return;
    const result = await api.get<ImportJobView>(`/api/applications/import/${job.id}`);
    if (result.ok) this.job = result.data;
    if (!result.ok || result.data.state === 'running') this.poll();
  }
}
