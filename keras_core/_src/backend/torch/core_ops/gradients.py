"""custom_gradient and stop_gradient on torch (autograd.Function)."""

import torch


class _CustomGradient(torch.autograd.Function):
    """Runs `f` in forward and its `grad_fn` in backward."""

    @staticmethod
    def forward(ctx, f, *args):
        output, grad_fn = f(*args)
        ctx.grad_fn = grad_fn
        return output

    @staticmethod
    def backward(ctx, *upstream):
        gradients = ctx.grad_fn(*upstream)
        if not isinstance(gradients, (list, tuple)):
            gradients = (gradients,)
        # No gradient for `f` itself.
        return (None, *gradients)


def custom_gradient(f):
    def forward(*args):
        return _CustomGradient.apply(f, *args)

    return forward


def stop_gradient(variable):
    return variable.detach()


def remat(function):
    """`function`, recomputing its activations in backprop (torch checkpoint)."""
    import torch.utils.checkpoint

    def recomputed(*args, **kwargs):
        return torch.utils.checkpoint.checkpoint(
            function, *args, use_reentrant=False, **kwargs
        )

    return recomputed
