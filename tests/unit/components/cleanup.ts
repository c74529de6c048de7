// Testing Library unmounts after each test only with vitest globals on; this project runs without them.
import { cleanup } from '@testing-library/preact';
import { afterEach } from 'vitest';

afterEach(cleanup);
