import { router } from '../trpc';
import { createChannelProcedure } from './create-channel-procedure';

/** Channels of the caller's workspace. */
export const channelsRouter = router({
  create: createChannelProcedure,
});
