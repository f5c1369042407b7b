import { beforeEach, describe, expect, it } from 'vitest';
import { hasSeenMyArchive, markMyArchiveSeen } from './landing';

describe('deputy landing', () => {
  beforeEach(() => sessionStorage.clear());

  it('sends a deputy to the archive until the archive was shown in this session', () => {
    expect(hasSeenMyArchive()).toBe(false);
    markMyArchiveSeen();
    expect(hasSeenMyArchive()).toBe(true);
  });
});
