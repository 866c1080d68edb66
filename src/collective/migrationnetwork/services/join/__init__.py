"""REST: apply to join a network (``POST /{lang}/@join-network``) and read
an application (``GET <organisation>/@application``)."""
