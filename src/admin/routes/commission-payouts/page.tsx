import { Navigate, useLocation } from "react-router-dom"

// Stripe's onboarding return and refresh URLs (the server's default, and merchants' own settings)
// still point here; no config, so no sidebar entry.
const CommissionPayoutsRedirect = () => {
  const { search } = useLocation()
  return <Navigate to={{ pathname: "/tiered/commission-payouts", search }} replace />
}

export default CommissionPayoutsRedirect
