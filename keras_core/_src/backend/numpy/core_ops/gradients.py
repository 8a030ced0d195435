"""custom_gradient and stop_gradient: the numpy backend has no gradients."""


def custom_gradient(f):
    def forward(*args):
        return f(*args)[0]

    return forward


def stop_gradient(variable):
    return variable


def remat(function):
    """`function` unchanged: the numpy backend keeps no activations."""
    return function
