import { router } from '../trpc';
import { createChannelProcedure } from './create-channel-procedure';
import { listChannelsProcedure } from './list-channels-procedure';
import { revealChannelSecretProcedure } from './reveal-channel-secret-procedure';

/** Channels of the caller's workspace. */
export const channelsRouter = router({
  list: listChannelsProcedure,
  create: createChannelProcedure,
  revealSecret: revealChannelSecretProcedure,
});
