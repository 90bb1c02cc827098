import type { RefusalCode } from '@/src/policy/types';
import { packUrlProblem } from './settings';

/**
 * One HTTP GET with the limits a pack host cannot talk us out of: a deadline for the whole
 * exchange, a size cap enforced while the body streams in (a lying or missing
 * Content-Length changes nothing), and no downgrade to plain http through a redirect.
 */

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface DownloadOptions {
  fetch: FetchLike;
  timeoutMs: number;
  maxBytes: number;
  /** Sent as If-None-Match; a 304 answer then means "what you have is current". */
  etag?: string;
  /** Names the file in messages: "the pack", "the signature". */
  what: string;
}

export type Download =
  | { ok: true; notModified: true }
  | { ok: true; notModified: false; bytes: Uint8Array; etag?: string }
  | { ok: false; code: RefusalCode; message: string; status?: number };

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  410: 'Gone',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function megabytes(bytes: number): string {
  const value = bytes / (1024 * 1024);
  return `${Number.isInteger(value) ? value : value.toFixed(1)} MB`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

class DownloadTimeout extends Error {}

export async function download(url: string, options: DownloadOptions): Promise<Download> {
  const controller = new AbortController();
  const seconds = Math.round(options.timeoutMs / 100) / 10;
  const timedOut = (): Download => ({
    ok: false,
    code: 'timeout',
    message: `${hostOf(url)} did not send ${options.what} within ${seconds} seconds`,
  });
  const timer = setTimeout(() => controller.abort(new DownloadTimeout()), options.timeoutMs);
  try {
    let response: Response;
    try {
      response = await options.fetch(url, {
        method: 'GET',
        // The browser's cache must not answer in the server's place, nor add its own validators.
        cache: 'no-store',
        credentials: 'omit',
        redirect: 'follow',
        headers: options.etag ? { 'If-None-Match': options.etag } : {},
        signal: controller.signal,
      });
    } catch (error) {
      if (controller.signal.aborted) return timedOut();
      const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
      return {
        ok: false,
        code: 'network',
        message: `Could not reach ${hostOf(url)} for ${options.what}: the network failed, or the server does not allow this extension's requests (CORS)${detail}`,
      };
    }

    if (response.url && response.url !== url) {
      const problem = packUrlProblem(response.url);
      if (problem) {
        controller.abort();
        return { ok: false, code: 'bad-url', message: `${url} redirected to ${problem}` };
      }
    }
    if (response.status === 304 && options.etag) {
      controller.abort();
      return { ok: true, notModified: true };
    }
    if (!response.ok) {
      controller.abort();
      const text = response.statusText || STATUS_TEXT[response.status] || 'an error';
      return {
        ok: false,
        code: 'http',
        status: response.status,
        message: `${url} answered ${response.status} ${text}`,
      };
    }

    const tooLarge = (): Download => ({
      ok: false,
      code: 'too-large',
      message: `${options.what[0]!.toUpperCase()}${options.what.slice(1)} at ${url} is larger than ${megabytes(options.maxBytes)}, the limit; it was not downloaded further`,
    });
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > options.maxBytes) {
      controller.abort();
      return tooLarge();
    }

    const chunks: Uint8Array[] = [];
    let total = 0;
    try {
      if (response.body) {
        const reader = response.body.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          total += value.byteLength;
          if (total > options.maxBytes) {
            // Stop the transfer here: nothing more of it is read or kept.
            controller.abort();
            reader.cancel().catch(() => undefined);
            return tooLarge();
          }
          chunks.push(value);
        }
      } else {
        const whole = new Uint8Array(await response.arrayBuffer());
        if (whole.byteLength > options.maxBytes) return tooLarge();
        chunks.push(whole);
        total = whole.byteLength;
      }
    } catch (error) {
      if (controller.signal.aborted && controller.signal.reason instanceof DownloadTimeout) {
        return timedOut();
      }
      const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
      return {
        ok: false,
        code: 'network',
        message: `The connection to ${hostOf(url)} broke while downloading ${options.what}${detail}`,
      };
    }

    const bytes = new Uint8Array(total);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    const etag = response.headers.get('etag') ?? undefined;
    return { ok: true, notModified: false, bytes, ...(etag ? { etag } : {}) };
  } finally {
    clearTimeout(timer);
  }
}
