import { router } from '../trpc';
import { createCertificateProcedure } from './create-certificate-procedure';
import { deleteCertificateProcedure } from './delete-certificate-procedure';
import { listCertificatesProcedure } from './list-certificates-procedure';

/** Client certificates (mTLS) of the caller's workspace. */
export const certificatesRouter = router({
  create: createCertificateProcedure,
  list: listCertificatesProcedure,
  delete: deleteCertificateProcedure,
});
