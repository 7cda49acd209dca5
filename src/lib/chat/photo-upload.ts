/** What `PUT /api/photos` answered: the stored photo, or why it was refused (`photo.rejected.<reason>`). */
export type PhotoUploadResult =
  { ok: true; photoId: string; width: number; height: number } | { ok: false; status: number; code: string | null; reason: string | null };

export interface PhotoUpload {
  done: Promise<PhotoUploadResult>;
  abort(): void;
}

function failure(xhr: XMLHttpRequest): PhotoUploadResult {
  let body: { code?: unknown; fields?: { photo?: unknown } } = {};
  try {
    body = JSON.parse(xhr.responseText) as typeof body;
  } catch {
    // not JSON (a proxy's error page): the status says enough
  }
  const reason = typeof body.fields?.photo === 'string' ? body.fields.photo : null;
  return { ok: false, status: xhr.status, code: typeof body.code === 'string' ? body.code : null, reason };
}

/**
 * Sends the photo's raw bytes to the portal, reporting progress from 0 to 1. Uses
 * `XMLHttpRequest` because `fetch` cannot report upload progress. Never rejects: a network
 * failure is `{ ok: false, status: 0 }`.
 */
export function uploadPhoto(file: Blob, onProgress: (fraction: number) => void): PhotoUpload {
  const xhr = new XMLHttpRequest();
  const done = new Promise<PhotoUploadResult>((resolve) => {
    xhr.open('PUT', '/api/photos');
    xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status !== 201) return resolve(failure(xhr));
      const data = JSON.parse(xhr.responseText) as { photoId: string; width: number; height: number };
      onProgress(1);
      resolve({ ok: true, ...data });
    };
    xhr.onerror = xhr.onabort = xhr.ontimeout = () => resolve({ ok: false, status: 0, code: null, reason: null });
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}
