// Lint fixture: an npm package outside the engine allow-list. Expected: error.
import { useState } from 'react';

export const hook = useState;
