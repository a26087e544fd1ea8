// Lint fixture: the database client in engine code. Expected: error.
import { PrismaClient } from '@prisma/client';

export const client = PrismaClient;
