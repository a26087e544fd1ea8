import { describe, expect, it } from 'vitest';
import { ownServicePorts } from './own-service-ports';

describe('ownServicePorts', () => {
  it("names the ports of Postgres, Redis, the API and the editor from the process's configuration", () => {
    expect(ownServicePorts({ databaseUrl: 'postgresql://postgres@127.0.0.1/parley', redisUrl: 'redis://127.0.0.1' })).toEqual([5432, 6379, 3001, 3000]);
    expect(ownServicePorts({ databaseUrl: 'postgresql://db:6543/x', redisUrl: 'rediss://cache:7000', apiPort: 8080, editorPort: 8081 })).toEqual([6543, 7000, 8080, 8081]);
  });
});
