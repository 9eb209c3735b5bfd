import { isRedisServerAvailable } from '@vast/testkit';

/** Whether redis-server can run here; when not, says plainly that the file's tests are skipped. */
export function redisAvailable(file: string): boolean {
  const available = isRedisServerAvailable();
  if (!available) {
    console.warn(`SKIPPED: ${file} needs redis-server on the PATH (Debian: apt-get install -y redis-server); its tests did not run.`);
  }
  return available;
}
