from oauth2_provider.oauth2_validators import OAuth2Validator


class ClaimsValidator(OAuth2Validator):
    """Name, e-mail and the user's groups as claims (the way a municipality maps its roles)."""

    oidc_claim_scope = None  # every claim, whatever the scope

    def get_additional_claims(self, request):
        user = request.user
        return {
            "given_name": user.first_name,
            "family_name": user.last_name,
            "email": user.email,
            "groups": list(user.groups.values_list("name", flat=True)),
        }
