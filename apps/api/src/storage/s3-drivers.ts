/**
 * Everything that needs the AWS SDK, in one module that open-storage.ts
 * imports only when a store is in object storage: the embedded default
 * (`pnpm start`, disk) never loads the SDK (a quarter of a second at start).
 */
export { serveObjects } from '../http/object-files.js';
export { s3PlaceOf } from './s3.js';
export { s3CareersSite } from './s3-careers-site.js';
export { s3FileStore } from './s3-file-store.js';
export { s3KeyStore } from './s3-key-store.js';
